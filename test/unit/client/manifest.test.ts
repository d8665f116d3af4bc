// The extension manifest as a user meets it: every contributed string is a package.nls.json key (and
// every key is used), every setting and threshold explains itself in words (not its own name), the
// walkthrough's media exist and its command links name commands the extension or VS Code has, and
// every contributed command is registered by the client.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../support/reference';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, any>;
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = manifest['contributes'] as Record<string, any>;
const resolve = (s: string) => s.replace(/^%(.+)%$/, (_, k: string) => nls[k] ?? `<missing ${k}>`);

function stringsOf(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsOf(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => stringsOf(x, out));
  return out;
}

describe('extension manifest', () => {
  it('every %key% is in package.nls.json and every key there is used', () => {
    const keys = stringsOf(contributes).flatMap((s) => [...s.matchAll(/^%(.+)%$/g)].map((m) => m[1]!));
    assert.ok(keys.length > 30);
    for (const k of keys) assert.ok(k in nls, `package.nls.json has no ${k}`);
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), [], 'unused keys in package.nls.json');
  });

  it('command titles, the walkthrough and every setting description are localizable (no literal text)', () => {
    for (const c of contributes['commands']) assert.match(`${c.title} ${c.category}`, /^%[^%]+% %[^%]+%$/, c.command);
    const w = contributes['walkthroughs'][0];
    for (const s of [w, ...w.steps]) assert.match(`${s.title} ${s.description}`, /^%[^%]+% %[^%]+%$/, s.id);
  });

  it('every setting and threshold has a description in words, not its own name', () => {
    const props = contributes['configuration'].properties as Record<string, any>;
    const all: [string, any][] = Object.entries(props).flatMap(([k, s]) => [[k, s], ...Object.entries((s.properties ?? {}) as Record<string, any>).map(([sk, ss]) => [`${k}.${sk}`, ss] as [string, any])]);
    assert.ok(all.length > 20);
    for (const [name, s] of all) {
      const text = resolve(String(s.markdownDescription ?? s.description ?? ''));
      const last = name.split('.').at(-1)!;
      assert.ok(text.split(/\s+/).length >= 6, `${name}: "${text}" does not explain the setting`);
      assert.ok(!text.includes(last) || text.length > last.length * 3, `${name}: the description is its own name`);
      assert.doesNotMatch(text, /<missing /, name);
    }
  });

  it('the walkthrough: media files exist and ship, command links name known commands', () => {
    const ours = new Set((contributes['commands'] as { command: string }[]).map((c) => c.command));
    const steps = contributes['walkthroughs'][0].steps as { id: string; description: string; media: { markdown?: string; image?: string } }[];
    assert.deepEqual(steps.map((s) => s.id), ['newSpec', 'goldenSet', 'resizeFix', 'previews']);
    for (const s of steps) {
      const media = s.media.markdown ?? s.media.image!;
      assert.ok(existsSync(join(repoRoot, media)), media);
      for (const m of resolve(s.description).matchAll(/\(command:([\w.]+)/g)) {
        const id = m[1]!;
        assert.ok(ours.has(id) || /^workbench\./.test(id), `${s.id} links to ${id}, which no one contributes`);
      }
    }
    // Each page ships: .vscodeignore names it (test/protocol/vsix-files.test.ts checks the whole list).
    for (const s of steps) assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), new RegExp(`^!${(s.media.markdown ?? s.media.image!).replace(/[.]/g, '\\.')}$`, 'm'));
    assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), /^!package\.nls\.json$/m);
  });

  it('every contributed command is registered by the client', () => {
    const src = readdirSync(join(repoRoot, 'client', 'src')).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(repoRoot, 'client', 'src', f), 'utf8')).join('\n');
    const protocol = readFileSync(join(repoRoot, 'server', 'src', 'protocol.ts'), 'utf8');
    for (const { command } of contributes['commands'] as { command: string }[]) {
      assert.ok(src.includes(`'${command}'`) || protocol.includes(`'${command}'`), `${command} is contributed but never registered`);
    }
  });
});
