// A content tree full of what cmark-gfm's extensions and our own passes add: autolinks (`www.`,
// `https://`, one glued to Chinese text), strikethrough, tables, task lists, footnotes, wiki
// links to earlier documents. Deterministic from a seed; used by the one-core/all-cores test
// and by `make tsan`.
//
//   node Tests/support/extension-corpus.mjs --count 300 --out /tmp/corpus/content
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generator } from '../../bench/corpus.mjs';

const words = ['服务', '督查', '落实', '参谋', '办文', '办会', '办事', '协调', '信息', '调研'];

/** Writes `count` documents into `content`; returns how many links and strikethroughs they hold. */
export function writeExtensionCorpus(content, { count = 300, paragraphs = 40, seed = 22 } = {}) {
  const { next } = generator(seed);
  const phrase = () => Array.from({ length: 2 + Math.floor(next() * 5) }, () => words[Math.floor(next() * words.length)]).join('');
  mkdirSync(join(content, 'speeches'), { recursive: true });
  const expected = { links: 0, struck: 0, footnotes: 0 };
  for (let d = 0; d < count; d++) {
    const blocks = [];
    for (let p = 0; p < paragraphs; p++) {
      switch ((d + p) % 6) {
        case 0:
          blocks.push(`${phrase()} www.example.com/d${d}/p${p} ${phrase()}：https://example.org/${p}。${phrase()}`);
          expected.links += 2;
          break;
        case 1:
          blocks.push(`${phrase()} ~~${phrase()}~~ 和 ~${phrase()}~ ${phrase()}[^n${p}]\n\n[^n${p}]: ${phrase()} http://example.net/${d}`);
          expected.links += 1;
          expected.struck += 2;
          expected.footnotes += 1;
          break;
        case 2:
          blocks.push(`| ${phrase()} | ~~${phrase()}~~ |\n| --- | :-: |\n| www.example.com/t${p} | ${phrase()} |`);
          expected.links += 1;
          expected.struck += 1;
          break;
        case 3:
          blocks.push(`- [x] ${phrase()} https://example.com/${d}\n- [ ] ~~${phrase()}~~`);
          expected.links += 1;
          expected.struck += 1;
          break;
        case 4:
          blocks.push(d > 0 ? `正如[[扩展文稿 ${Math.floor(next() * d)}]]所说，${phrase()}。` : `${phrase()}。`);
          if (d > 0) expected.links += 1;
          break;
        default:
          blocks.push(`${phrase()}，${phrase()}。`);
      }
    }
    const date = `20${10 + (d % 15)}-0${1 + (d % 9)}-1${d % 10}`;
    writeFileSync(join(content, 'speeches', `${date}-x${d}.md`), `---\ntitle: 扩展文稿 ${d}\ndate: ${date}\n---\n\n${blocks.join('\n\n')}\n`);
  }
  return expected;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, index, all) => (index % 2 ? pairs : [...pairs, [all[index].slice(2), all[index + 1]]]), []));
  console.log(JSON.stringify(writeExtensionCorpus(args.out, { count: Number(args.count ?? 300) })));
}
