// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// the project's own eslint.config.js, as `npm run lint` reads it (Vitest runs from the project root)
const eslint = new ESLint();

/** The boundary messages ESLint gives `code` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (npm run lint)', () => {
  it('refuses an import from one feature into another', async () => {
    const errors = await boundaryErrors(
      'src/features/server-groups/probe.ts',
      "export { VirtualIdGroupsPage } from '../virtual-id-groups/VirtualIdGroupsPage';\n",
    );
    expect(errors).toEqual([expect.stringContaining('A feature never imports another feature')]);
  });

  it('refuses an import from a feature, however deep, into the app shell', async () => {
    const errors = await boundaryErrors(
      'src/features/virtual-id-groups/api/probe.ts',
      "export { router } from '../../../app/router';\n",
    );
    expect(errors).toEqual([expect.stringContaining('Only src/app imports the app shell')]);
  });

  it('refuses an import from the core into a feature', async () => {
    const errors = await boundaryErrors(
      'src/components/probe.ts',
      "export { ServerGroupsPage } from '../features/server-groups/ServerGroupsPage';\n",
    );
    expect(errors).toEqual([expect.stringContaining('never imports a feature or the app shell')]);
  });

  it('lets a feature use the core and its own files', async () => {
    const errors = await boundaryErrors(
      'src/features/server-groups/probe.ts',
      "export { q } from '../../api/query';\nexport { routes } from '../../config/routes';\nexport * from './ServerGroupsPage';\n",
    );
    expect(errors).toEqual([]);
  });
});
