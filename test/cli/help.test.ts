/**
 * Help and parser read the same option definitions: every option a command accepts is in its help, the help offers
 * nothing the parser refuses, and a command line the parser refuses gets one sentence naming the argument.
 */
import { parseOptions } from '../../cli/args';
import { UsageError } from '../../cli/errors';
import { commandHelp, mainHelp } from '../../cli/help';
import { COMMANDS } from '../../cli/main';
import { run } from './helpers';

const FLAG = /(?<![\w-])--?[a-z][a-z-]*/g;
const flagsIn = (text: string) => new Set(text.match(FLAG) ?? []);
/** An option line's label and the spaces after it: `  -h, --help   `, `  --previous <file | folder> `. */
const OPTION_LABEL = /^ {2}(-[a-z], )?--[a-z-]+( <[^>]*>)? +/;

/** The lines of the help's Options section (an option line starts with `  -`; continuation lines are indented). */
function optionsSection(help: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf('Options:');
  const end = lines.indexOf('', start);
  expect(start).toBeGreaterThan(0);
  return lines.slice(start + 1, end);
}

/** What the parser takes: `--name` for every option, `-x` for its short form. */
function acceptedFlags(command: (typeof COMMANDS)[number]): Set<string> {
  return new Set(
    Object.entries(command.options).flatMap(([name, option]) =>
      option.short === undefined ? [`--${name}`] : [`--${name}`, `-${option.short}`],
    ),
  );
}

describe.each(COMMANDS.map((command) => [command.name, command] as const))('%s --help', (_name, command) => {
  const help = commandHelp(command);

  it('lists every option the command takes, and no other', () => {
    const listed = optionsSection(help).filter((line) => line.startsWith('  -'));
    expect(listed).toHaveLength(Object.keys(command.options).length);
    expect(new Set(listed.flatMap((line) => [...flagsIn(OPTION_LABEL.exec(line)![0])]))).toEqual(
      acceptedFlags(command),
    );
  });

  it('mentions no option the command does not take, anywhere (usage, prose, examples)', () => {
    for (const flag of flagsIn(help)) expect(acceptedFlags(command)).toContain(flag);
  });

  it('starts every description in one column, continuation lines included', () => {
    const section = optionsSection(help);
    const columns = section.filter((line) => line.startsWith('  -')).map((line) => OPTION_LABEL.exec(line)![0].length);
    expect(new Set(columns).size).toBe(1);
    for (const continuation of section.filter((line) => !line.startsWith('  -')))
      expect(continuation.search(/\S/)).toBe(columns[0]);
  });

  it('is what `<command> --help` and `help <command>` print', async () => {
    for (const argv of [
      [command.name, '--help'],
      [command.name, '-h'],
      ['help', command.name],
    ]) {
      const result = await run(argv);
      expect(result).toEqual({ code: 0, stdout: help, stderr: '' });
    }
  });

  it('parses each option its help shows', () => {
    for (const [name, option] of Object.entries(command.options)) {
      const argv =
        option.type === 'boolean'
          ? [`--${name}`]
          : [`--${name}`, ('choices' in option ? option.choices?.[0] : undefined) ?? 'x'];
      const values = parseOptions(command, argv) as Record<string, unknown>;
      expect(values[name]).toEqual(option.type === 'boolean' ? true : 'multiple' in option ? [argv[1]] : argv[1]);
    }
  });
});

describe('the main help', () => {
  const help = mainHelp(COMMANDS);

  it("shows each command's synopsis, whose options are that command's", () => {
    for (const command of COMMANDS) {
      expect(help).toContain(`  ${command.help.usage.replace(/\n/g, '\n  ')}\n`);
      for (const flag of flagsIn(command.help.usage)) expect(acceptedFlags(command)).toContain(flag);
    }
  });

  it('mentions only options some command takes', () => {
    const all = new Set(COMMANDS.flatMap((command) => [...acceptedFlags(command)]));
    for (const flag of flagsIn(help)) expect(all).toContain(flag);
  });

  it('is printed for --help, -h and help (exit 0), and with no command (exit 1)', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['help', 'frobnicate']])
      expect(await run(argv)).toEqual({ code: 0, stdout: help, stderr: '' });
    expect(await run([])).toEqual({ code: 1, stdout: help, stderr: '' });
  });
});

describe('a command line the parser refuses', () => {
  const seeHelp = (command: string) => `Run mailbox-health ${command} --help for its options and examples.\n`;
  const expectRefused = async (argv: string[], sentence: string) =>
    expect(await run(argv)).toEqual({ code: 1, stdout: '', stderr: `${sentence}\n${seeHelp(argv[0])}` });

  it('names an unknown option as typed: long, short, with a value, or inside a group of short options', async () => {
    await expectRefused(['diagnose', '--bogus'], "Unknown option '--bogus' for diagnose.");
    await expectRefused(['scan', '--bogus=3'], "Unknown option '--bogus' for scan.");
    await expectRefused(['preflight', '-x'], "Unknown option '-x' for preflight.");
    await expectRefused(['test-enable', '-hx'], "Unknown option '-x' for test-enable.");
  });

  it('names an option given without its value', async () => {
    await expectRefused(['diagnose', '--url'], "The option '--url' needs a value.");
    await expectRefused(['scan', '--all', '--max-failing'], "The option '--max-failing' needs a value.");
  });

  it('names a stray argument, also after --', async () => {
    await expectRefused(
      ['diagnose', 'megan.bowen@contoso.com'],
      "Unexpected argument 'megan.bowen@contoso.com' for diagnose.",
    );
    await expectRefused(['scan', '--', '--all'], "Unexpected argument '--all' for scan.");
  });

  it("keeps Node's sentence for the other invalid values", async () => {
    await expectRefused(['scan', '--all=yes'], "Invalid arguments for scan: Option '--all' does not take an argument");
    await expectRefused(
      ['scan', '--url', '--all'],
      "Invalid arguments for scan: Option '--url' argument is ambiguous.",
    );
  });

  it('is a UsageError whatever the message text, since the class comes from the error code', () => {
    const [diagnose] = COMMANDS;
    expect(() => parseOptions(diagnose, ['--bogus'])).toThrow(UsageError);
    expect(() => parseOptions(diagnose, ['--url'])).toThrow(expect.objectContaining({ key: 'cli.usage.missingValue' }));
    expect(() => parseOptions(diagnose, ['stray'])).toThrow(
      expect.objectContaining({
        key: 'cli.usage.unexpectedArgument',
        params: { argument: 'stray', command: 'diagnose' },
      }),
    );
  });

  it('refuses an unknown command, and one named like an Object member', async () => {
    for (const name of ['frobnicate', 'constructor', 'toString'])
      expect(await run([name])).toEqual({
        code: 1,
        stdout: '',
        stderr: `Unknown command '${name}'.\nRun mailbox-health --help for the commands.\n`,
      });
    await expectRefused(['diagnose', '--constructor'], "Unknown option '--constructor' for diagnose.");
  });
});
