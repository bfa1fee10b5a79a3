/** The helpers every report that prints content text goes through (the check, the build, the review report). */
import { describe, expect, it } from 'vitest';
import { escapeForLog, escapeGithubCommand, markdownText, safeJson, safeLine, safeLines } from '../../src/lib/log-safety.ts';

describe('escapeForLog', () => {
  it('writes out every control character, line and paragraph separators and bidirectional controls', () => {
    expect(escapeForLog('a\nb\rc\td\u0000e\u001bf\u007fg\u0085h\u2028i\u202ej\u2066k')).toBe(
      'a\\nb\\rc\\td\\u0000e\\u001bf\\u007fg\\u0085h\\u2028i\\u202ej\\u2066k',
    );
  });

  it('defuses the legacy `##[command]` a runner finds anywhere in a line', () => {
    expect(escapeForLog('x ##[add-mask]secret')).toBe('x ##\\[add-mask]secret');
  });

  it('leaves ordinary text, quotes and non-Latin scripts as they are', () => {
    const text = '“Vitkoff” — déjà vu … Привет 😀 a: b, c';
    expect(escapeForLog(text)).toBe(text);
  });
});

describe('safeLine and safeLines', () => {
  it('never let a line start a workflow command, after any white space the runner trims', () => {
    for (const lead of ['', ' ', '\t', '\u00a0', '\u3000 ']) expect(safeLine(`${lead}::error::forged`)).not.toMatch(/^[\s\u00a0\u3000]*::/);
    expect(safeLine('::add-mask::x')).toBe('\\::add-mask::x');
    expect(safeLine('fine: ::not at the start')).toBe('fine: ::not at the start');
  });

  it('make each line of a multi-line text safe', () => {
    expect(safeLines('ok\n::warning::x\r\n  ::stop-commands::t').split('\n')).toEqual(['ok', '\\::warning::x', '  \\::stop-commands::t']);
  });
});

describe('safeJson', () => {
  it('is JSON for the same value, with no `##[` and no raw line separator', () => {
    const value = { message: 'a ##[add-mask]b\u2028c\n::error::x' };
    const json = safeJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toContain('##[');
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(json.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
  });
});

describe('escapeGithubCommand', () => {
  it('turns line breaks into %0A and escapes %, and : and , in properties', () => {
    expect(escapeGithubCommand('100%\r\nnext\rlast')).toBe('100%25%0Anext%0Alast');
    expect(escapeGithubCommand('a:b,c', true)).toBe('a%3Ab%2Cc');
  });
});

describe('markdownText', () => {
  it('shows Markdown and HTML as text, and mentions no one', () => {
    const out = markdownText('<img src=x onerror=alert(1)> **bold** [link](javascript:x) @team\n# heading');
    expect(out).not.toMatch(/<img|\*\*bold|\[link\]|@team|\n/);
    expect(out).toContain('&lt;img');
    expect(out).toContain('\\*\\*bold\\*\\*');
    expect(out).toContain('&#64;team');
  });
});
