// `npm run bench`: runs every `bench:*` script of package.json in turn, so each surface adds its own benchmark.
const { execSync } = require('child_process');
const { scripts } = require('../package.json');

const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
for (const name of benches) {
  console.log(`\n> npm run ${name}`);
  execSync(`npm run --silent ${name}`, {
    stdio: 'inherit',
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
  });
}
