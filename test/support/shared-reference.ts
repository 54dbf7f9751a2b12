/**
 * The one place that knows about the team's reference folder beside the repository (shared/reference in the team's
 * workspace). Everything else — tests, scripts, tools — reads only the vendored copies, so a clone with nothing beside
 * it behaves the same; test/support/shared-reference.test.ts fails if another file points at the folder.
 *
 * The comparisons of vendored copies with the reference run where the folder exists. Elsewhere they are reported as
 * skipped, with the reason in the test's name, rather than passing without comparing anything.
 */
import * as fs from 'fs';
import * as path from 'path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const SHARED_REFERENCE_DIR = path.resolve(REPOSITORY_ROOT, '..', 'shared', 'reference');
export const sharedReferenceExists = fs.existsSync(SHARED_REFERENCE_DIR);

/** The bytes of a file of the reference folder (`relativePath` inside it, e.g. `xsd/FormXml.xsd`). */
export function readSharedReference(relativePath: string): Buffer {
  return fs.readFileSync(path.join(SHARED_REFERENCE_DIR, relativePath));
}

/** A test that compares vendored copies with the reference: run when the folder is there, a named skip otherwise. */
export function itComparesWithSharedReference(name: string, body: jest.ProvidesCallback): void {
  if (sharedReferenceExists) it(name, body);
  else
    it.skip(`${name} — skipped: the team's reference folder is not beside this clone (${SHARED_REFERENCE_DIR})`, body);
}
