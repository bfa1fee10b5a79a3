import { describe, expect, it } from 'vitest';
import {
  ContentError,
  formatDiagnostics,
  formatGithubAnnotations,
  Reporter,
  sortDiagnostics,
  type Diagnostic,
} from '../../src/lib/diagnostics.ts';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  file: 'content/people/a.mdx',
  line: 1,
  column: 1,
  severity: 'error',
  message: 'Something is wrong',
  rule: 'some-rule',
  ...over,
});

describe('Reporter', () => {
  it('records the file, position, rule, message and hint of each error', () => {
    const r = new Reporter('content/people/a.mdx');
    r.error('quote-not-found', 'Quote not found', { line: 12, column: 7 }, 'Closest passage: “x”');
    expect(r.diagnostics).toEqual([
      {
        file: 'content/people/a.mdx',
        line: 12,
        column: 7,
        severity: 'error',
        message: 'Quote not found',
        rule: 'quote-not-found',
        hint: 'Closest passage: “x”',
      },
    ]);
  });

  it('puts a diagnostic without a position at 1:1 and leaves out an absent hint', () => {
    const r = new Reporter('f');
    r.warn('w', 'A warning', undefined);
    expect(r.diagnostics).toEqual([{ file: 'f', line: 1, column: 1, severity: 'warning', message: 'A warning', rule: 'w' }]);
    expect('hint' in r.diagnostics[0]!).toBe(false);
  });
});

describe('sortDiagnostics', () => {
  it('orders by file, then line, then column, without changing the input', () => {
    const list = [
      d({ file: 'b', line: 1 }),
      d({ file: 'a', line: 10, column: 2 }),
      d({ file: 'a', line: 10, column: 1 }),
      d({ file: 'a', line: 2 }),
    ];
    expect(sortDiagnostics(list).map((x) => `${x.file}:${x.line}:${x.column}`)).toEqual(['a:2:1', 'a:10:1', 'a:10:2', 'b:1:1']);
    expect(list[0]!.file).toBe('b');
  });
});

describe('formatDiagnostics (text)', () => {
  it('prints `path:line:column  error  message  rule-id`, then the hint indented, then totals', () => {
    const text = formatDiagnostics([
      d({
        line: 14,
        column: 38,
        message: 'Quote not found in `x`',
        rule: 'quote-not-found',
        hint: 'Closest passage (87% similar, p-8): “y”',
      }),
    ]);
    expect(text.split('\n')).toEqual([
      'content/people/a.mdx:14:38  error  Quote not found in `x`  quote-not-found',
      '    hint: Closest passage (87% similar, p-8): “y”',
      '1 error, 0 warnings',
    ]);
  });

  it('prefixes every line of a multi-line hint', () => {
    const text = formatDiagnostics([d({ hint: 'first\nsecond' })]);
    expect(text.split('\n').slice(1, 3)).toEqual(['    hint: first', '    hint: second']);
  });

  it('prints no hint line when there is no hint, and sorts entries', () => {
    const text = formatDiagnostics([d({ file: 'b.mdx' }), d({ file: 'a.mdx', severity: 'warning', rule: 'w' })]);
    expect(text.split('\n')).toEqual([
      'a.mdx:1:1  warning  Something is wrong  w',
      'b.mdx:1:1  error  Something is wrong  some-rule',
      '1 error, 1 warning',
    ]);
  });

  it('pluralises the totals', () => {
    expect(
      formatDiagnostics([d({}), d({}), d({ severity: 'warning' }), d({ severity: 'warning' })])
        .split('\n')
        .pop(),
    ).toBe('2 errors, 2 warnings');
    expect(formatDiagnostics([])).toBe('0 errors, 0 warnings');
  });
});

describe('formatGithubAnnotations', () => {
  it('writes one ::error line with file, line, col and the rule as title', () => {
    expect(formatGithubAnnotations([d({ line: 3, column: 9, message: 'Bad', rule: 'invalid-date' })])).toBe(
      '::error file=content/people/a.mdx,line=3,col=9,title=invalid-date::Bad',
    );
  });

  it('uses ::warning for warnings', () => {
    expect(formatGithubAnnotations([d({ severity: 'warning' })])).toMatch(/^::warning file=/);
  });

  it('appends the hint on a new line, escaped as %0A', () => {
    expect(formatGithubAnnotations([d({ message: 'Bad', hint: 'Fix it' })])).toBe(
      '::error file=content/people/a.mdx,line=1,col=1,title=some-rule::Bad%0AHint: Fix it',
    );
  });

  it('escapes % and writes out CR and LF in the message, so the annotation stays on one line', () => {
    const out = formatGithubAnnotations([d({ message: '100% wrong\r\nreally\rnow', hint: 'a\nb' })]);
    expect(out).toBe('::error file=content/people/a.mdx,line=1,col=1,title=some-rule::100%25 wrong\\r\\nreally\\rnow%0AHint: a\\nb');
    expect(out).not.toContain('\n');
  });

  it('also escapes : and , in properties (file names)', () => {
    expect(formatGithubAnnotations([d({ file: 'content/a,b:c%.mdx' })])).toMatch(/^::error file=content\/a%2Cb%3Ac%25\.mdx,line=1,col=1,/);
  });

  it('keeps : and , unescaped in the message, where GitHub allows them', () => {
    expect(formatGithubAnnotations([d({ message: 'a: b, c' })])).toMatch(/::a: b, c$/);
  });

  it('writes one line per diagnostic, sorted', () => {
    const out = formatGithubAnnotations([d({ file: 'b' }), d({ file: 'a' })]).split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('file=a,');
  });
});

describe('JSON', () => {
  it('round-trips a diagnostic with exactly its fields', () => {
    const diagnostic = d({ hint: 'h' });
    const parsed = JSON.parse(JSON.stringify({ ok: false, errors: 1, diagnostics: [diagnostic] }));
    expect(parsed.diagnostics[0]).toEqual(diagnostic);
    expect(Object.keys(parsed.diagnostics[0]).sort()).toEqual(['column', 'file', 'hint', 'line', 'message', 'rule', 'severity']);
  });
});

describe('ContentError', () => {
  it('carries the diagnostics and shows them formatted in its message', () => {
    const error = new ContentError([d({ rule: 'unknown-source' })]);
    expect(error.name).toBe('ContentError');
    expect(error.diagnostics).toHaveLength(1);
    expect(error.message).toContain('content/people/a.mdx:1:1  error  Something is wrong  unknown-source');
  });
});

describe('content text in the reports (logs are data)', () => {
  const hostile = d({
    file: 'content/people/x\n::error file=a::forged.mdx',
    message: 'Quote “a\n::warning file=b,line=1::forged\n  ::add-mask::secret ##[add-mask]x \u001b[2J\u0007” not found',
    hint: 'Closest: “b\r\n::stop-commands::t”',
  });
  const commandLine = (line: string) => /^[\s\u00a0\u2000-\u200a\u3000]*::/.test(line) || line.includes('##[');

  it('lets no line of the text report start a workflow command, or hold a control character', () => {
    const text = formatDiagnostics([hostile]);
    expect(text.split('\n').filter(commandLine)).toEqual([]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('::warning file=b,line=1::forged\\n  ::add-mask::secret ##\\[add-mask]x \\u001b[2J\\u0007');
  });

  it('keeps each annotation on one line, the only command on it', () => {
    const out = formatGithubAnnotations([hostile]);
    expect(out.split('\n')).toHaveLength(1);
    expect(out.startsWith('::error file=content/people/x%0A%3A%3Aerror file=a%3A%3Aforged.mdx,line=1,col=1,title=some-rule::')).toBe(true);
    expect(out).not.toContain('##[');
  });
});
