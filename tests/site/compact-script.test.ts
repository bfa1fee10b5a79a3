/** The content pages' script is served compact (src/routes/scripts/enhance.js.ts): smaller, and the same program. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { compactScript } from '../../src/routes/scripts/enhance.js.ts';
import { REPO } from '../support/astro-project.ts';

const dist = inject('distDir');
const source = readFileSync(join(REPO, 'src/assets/enhance.js'), 'utf8');

describe('compactScript', () => {
  it('drops comments, line breaks and the spaces no two words need', () => {
    expect(compactScript('// a comment\nconst a = (b, c) => {\n  return b + c; // trailing\n};\n')).toBe('const a=(b,c)=>{return b+c;};');
    expect(compactScript('if (x) y();\nelse return z;')).toBe('if(x)y();else return z;');
  });

  it('keeps string and template literals as written, and compacts the code inside ${}', () => {
    expect(compactScript("const s = 'two  spaces // not a comment';")).toBe("const s='two  spaces // not a comment';");
    expect(compactScript('const q = "a \\" b";')).toBe('const q="a \\" b";');
    expect(compactScript('const t = `${ a + f({ x: 1 }) }  px ${ "}" }`;')).toBe('const t=`${a+f({x:1})}  px ${"}"}`;');
  });

  it('keeps `- -` and `+ +` apart', () => {
    expect(compactScript('const a = b - -c + +d;')).toBe('const a=b- -c+ +d;');
  });

  it('gives a program that computes what the original does', () => {
    const code =
      'const f = (n) => {\n  let s = 0; // sum\n  for (let i = 0; i < n; i++) s += i - -1;\n  return `${s} / ${n}`;\n};\nreturn f(4);';
    expect(new Function(compactScript(code))()).toBe(new Function(code)());
  });

  it('is what the site serves: a valid script, under two thirds of the source', () => {
    const served = readFileSync(join(dist, 'scripts/enhance.js'), 'utf8');
    expect(served).toBe(compactScript(source));
    expect(() => new Function(served)).not.toThrow();
    expect(served.length).toBeLessThan((source.length * 2) / 3);
    // Every string of the source survives, byte for byte.
    for (const literal of source.match(/'[^'\n]*'/g) ?? []) expect(served).toContain(literal);
  });
});
