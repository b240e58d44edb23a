/**
 * The architecture is executable: ESLint (eslint-plugin-boundaries) refuses an import that runs
 * up the layers or from one feature folder into another, and no source file grows past 400 lines
 * (the string tables aside).
 */
import { ESLint } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary errors for a module at `filePath` made of `code`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'boundaries/dependencies')
    .map((m) => m.message);
}

describe('import direction', () => {
  it.each([
    ['src/data/bad.ts', "import { STRINGS } from '../i18n/strings.ts';"],
    ['src/view/bad.ts', "import { TopicSwatch } from '../ui/TopicSwatch.tsx';"],
    ['src/ui/bad.ts', "import { MapView } from '../map/MapView.tsx';"],
    ['src/map/bad.ts', "import { Panel } from '../panel/Panel.tsx';"],
    ['src/export/bad.ts', "import { Legend } from '../panel/Legend.tsx';"],
    ['src/panel/bad.ts', "import { App } from '../app/App.tsx';"],
  ])(
    'refuses %s: %s',
    async (file, line) => {
      expect(await boundaryErrors(file, `${line}\nexport const x = 1;\n`)).toHaveLength(1);
    },
    30_000,
  );

  it.each([
    ['src/time/ok.ts', "import { dayNumber } from '../data/partial-date.ts';"],
    ['src/view/ok.ts', "import { STRINGS } from '../i18n/strings.ts';"],
    ['src/timeline/ok.ts', "import { setDate } from '../view/actions.ts';"],
    ['src/export/ok.ts', "import { TopicSwatch } from '../ui/TopicSwatch.tsx';"],
    ['src/app/ok.ts', "import { MapView } from '../map/MapView.tsx';"],
  ])(
    'allows %s: %s',
    async (file, line) => {
      expect(await boundaryErrors(file, `${line}\nexport const x = 1;\n`)).toEqual([]);
    },
    30_000,
  );
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

it('keeps every source file under 400 lines (string tables aside)', () => {
  const long = sourceFiles('src')
    .filter((f) => /\.(ts|tsx|css)$/.test(f) && !f.endsWith('strings.ts'))
    .map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const)
    .filter(([, n]) => n > 400);
  expect(long).toEqual([]);
});
