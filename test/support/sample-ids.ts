/**
 * Ids in the sandbox's sample environment (sandbox/sample-environment.json) that tests in several folders name. A module
 * of constants only, so a test can take them without loading the CLI, the emulator or a build tool.
 */
export const MEGAN = '97963663-8bfb-4bdc-8db7-5f0ee011428a';
export const ADELE = '69f5dec0-0cb1-4a53-8e3d-eb6b84e4e761';
export const SALES = '5a25a5be-3c9c-46ba-8688-48df4e460570';
export const JOHANNA = '56f79d22-5884-4b69-93c3-a482ec15a577';
export const HENRIETTA = 'd7886662-2738-4ad6-8f40-0f3454f6837f';
export const HYBRID_PROFILE = 'b7d9f1a3-5c2e-4d6b-9e8f-0a1b2c3d4e5f';
/** The generated population of the sample (2,000 field technicians on the hybrid profile). */
export const GENERATED_PREFIX = 'f1e1d000-';
