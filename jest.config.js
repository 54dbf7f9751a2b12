/** One jest run covers every test: engine, control (jsdom per file), ribbon, packer, schema, emulator, CLI, browser. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  collectCoverageFrom: ['diagnostics/**/*.ts', '!diagnostics/**/*.d.ts'],
  coverageThreshold: { './diagnostics/': { lines: 90 } },
  testTimeout: 30000,
};
