import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubric, type Rubric } from '../../../shared/rubric/schema';
import { UserError } from '../errors';

/**
 * Rubrics are files, not code: every `<resourcesDir>/rubrics/*.json` is a rubric, so a force adds its own (or a new
 * version) by dropping a file in the folder. Files are read on every call rather than cached, because they are small
 * (a few kB) and a quality team editing one expects the next review opened to use it.
 */
export interface RubricFile {
  file: string;
  rubric: Rubric;
}

export interface RefusedRubricFile {
  file: string;
  /** Names the file and the field, e.g. `acme.v2.json: items[3].text: Required`. */
  message: string;
}

export interface RubricCatalogue {
  rubrics: RubricFile[];
  refused: RefusedRubricFile[];
}

/** Larger than any sane rubric; keeps a stray video renamed to .json from being read into memory. */
const MAX_FILE_BYTES = 1_000_000;

export function rubricsDir(resourcesDir: string): string {
  return join(resourcesDir, 'rubrics');
}

/** Every rubric file in the folder, each either accepted or refused with its reason; sorted by file name. */
export function loadRubrics(resourcesDir: string): RubricCatalogue {
  const dir = rubricsDir(resourcesDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch (e) {
    throw new UserError('io', `cannot read the rubrics folder ${dir}: ${(e as Error).message}`);
  }
  const rubrics: RubricFile[] = [];
  const refused: RefusedRubricFile[] = [];
  const byKey = new Map<string, string>();
  for (const file of names) {
    const path = join(dir, file);
    let text: string;
    try {
      if (statSync(path).size > MAX_FILE_BYTES) {
        refused.push({ file, message: `${file}: (top level): File is larger than ${MAX_FILE_BYTES} bytes` });
        continue;
      }
      text = readFileSync(path, 'utf8');
    } catch (e) {
      refused.push({ file, message: `${file}: cannot be read (${(e as Error).message})` });
      continue;
    }
    const parsed = parseRubric(text, file);
    if (!parsed.ok) {
      refused.push({ file, message: parsed.error });
      continue;
    }
    // Two files claiming one id and version would make a stored score ambiguous: the first (by name) wins.
    const key = `${parsed.rubric.id}@${parsed.rubric.version}`;
    const first = byKey.get(key);
    if (first !== undefined) {
      refused.push({
        file,
        message: `${file}: id, version: ${parsed.rubric.id} v${parsed.rubric.version} is already defined by ${first}`,
      });
      continue;
    }
    byKey.set(key, file);
    rubrics.push({ file, rubric: parsed.rubric });
  }
  return { rubrics, refused };
}

/**
 * The rubric a score was (or will be) made with. A missing one is 'not-found'; when a refused file may be the one
 * asked for, its refusal is part of the message so the person can fix the file rather than hunt for it.
 */
export function getRubric(resourcesDir: string, id: string, version: number): Rubric {
  const { rubrics, refused } = loadRubrics(resourcesDir);
  const found = rubrics.find((r) => r.rubric.id === id && r.rubric.version === version);
  if (found) return found.rubric;
  const suspects = refused.filter((r) => r.file.startsWith(id));
  const because = suspects.length > 0 ? `; refused: ${suspects.map((s) => s.message).join('; ')}` : '';
  throw new UserError('not-found', `rubric ${id} v${version} is not in ${rubricsDir(resourcesDir)}${because}`);
}
