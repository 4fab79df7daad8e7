// Generates a benchmark corpus: realistic Chinese documents mixed from the sentences, paragraphs
// and headings of a content folder, deterministic from a seed.
//
//   node bench/corpus.mjs --count 10000 --out /tmp/corpus [--seed 7] [--from content]
//
// Document i depends only on the seed, i and the source text, never on the count, so the first
// thousand documents of a 10,000-document corpus are the 1,000-document corpus. Each has:
// - front matter: a unique title, a date (2008–2026), a type (讲话 70%, 经验交流 20%,
//   指导意见 10%), a level, and in one document of four the topics it is filed under;
// - 3,000 to 10,000 characters in two to six numbered sections (## 一、…), some with numbered
//   subsections (### （一）…); paragraphs are new sentences written by a character model of the
//   source text (so phrase frequencies look natural rather than every phrase being everywhere),
//   and one in eight is a source paragraph copied whole (so similar passages exist to be found);
// - links to earlier documents, as `[[title]]` and as relative `.md` links;
// - one document in ten is in traditional characters (OpenCC's s2t, Debian's `opencc`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const places = ['全市', '全县', '全区', '全省', '市直机关', '县直机关', '全系统', '全镇'];
const meetings = ['办公室工作会议', '党委秘书长会议', '政务信息工作会议', '督查工作推进会', '办公室主任培训班',
  '机关作风建设大会', '调研工作座谈会', '文稿起草工作交流会', '综合协调工作会议', '机关党建工作会议'];
const levels = ['省', '市', '县', '区'];
const topicNames = ['服务意识', '参谋作用', '督查', '以文辅政', '调查研究', '综合协调', '信息工作', '队伍建设', '作风建设'];
const types = [['讲话', 'speech', 0.7], ['经验交流', 'experience', 0.9], ['指导意见', 'guidance', 1]];

/** mulberry32: a small, fast, well-mixed 32-bit generator. */
export function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below) => Math.floor(next() * below),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

function markdownFiles(folder) {
  const files = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...markdownFiles(path));
    else if (name.endsWith('.md')) files.push(path);
  }
  return files;
}

/** Strips Markdown emphasis, links and escapes from a line, leaving its text. */
function plain(line) {
  return line.replace(/\*\*/g, '').replace(/\[\[([^\]|]+)(\|[^\]]+)?\]\]/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\(.)/g, '$1').trim();
}

/** Section headings without their numbering, paragraphs and sentences of the source folder. */
export function readSource(folder) {
  const headings = [];
  const paragraphs = [];
  for (const file of markdownFiles(folder)) {
    const text = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const line of text.split('\n')) {
      if (/^#{2,4} /.test(line)) {
        const heading = plain(line.replace(/^#+ /, '')).replace(/^(第?[一二三四五六七八九十]+[、，.]|（[一二三四五六七八九十]+）|\d+[、.])/, '');
        if (/\p{Script=Han}/u.test(heading) && heading.length >= 4) headings.push(heading);
      } else if (/\p{Script=Han}{20}/u.test(line) && !line.startsWith('|') && !line.startsWith('>')) {
        paragraphs.push(plain(line.replace(/^[-*] /, '')));
      }
    }
  }
  const sentences = paragraphs.flatMap((paragraph) => paragraph.match(/[^。！？；]+[。！？；]?/g) ?? [])
    .map((sentence) => sentence.trim()).filter((sentence) => /\p{Script=Han}{8}/u.test(sentence));
  // The model learns from simplified text only, so a new sentence is in one script; copied
  // paragraphs keep the script they were written in.
  const simplified = convert(sentences, 't2s');
  return { headings, paragraphs, starts: simplified.map((sentence) => [...sentence].slice(0, 2).join('')), model: characterModel(simplified) };
}

/**
 * A character model of the source sentences: for each one- and two-character context, the
 * characters that follow it, as often as they do.
 */
function characterModel(sentences) {
  const next = new Map();
  const add = (context, character) => {
    if (!next.has(context)) next.set(context, []);
    next.get(context).push(character);
  };
  for (const sentence of sentences) {
    const characters = [...sentence];
    for (let i = 1; i < characters.length; i++) {
      add(characters[i - 1], characters[i]);
      if (i > 1) add(characters[i - 2] + characters[i - 1], characters[i]);
    }
  }
  return next;
}

/** A new sentence from the model: mostly two characters of context, one in four steps only one. */
function sentence(random, source) {
  const characters = [...random.pick(source.starts)];
  while (characters.length < 90) {
    const last = characters[characters.length - 1];
    const pair = characters[characters.length - 2] + last;
    const choices = (random.next() < 0.75 && source.model.get(pair)) || source.model.get(last);
    if (!choices) break;
    const character = random.pick(choices);
    characters.push(character);
    if ('。！？；'.includes(character) && characters.length > 12) return characters.join('');
  }
  return characters.join('').replace(/[，、：；]$/, '') + '。';
}

/** Converts many one-line strings with one run of OpenCC (`s2t` or `t2s`). */
function convert(strings, configuration) {
  const output = execFileSync('opencc', ['-c', configuration], { maxBuffer: 1 << 30, input: strings.map((s) => s.replace(/\n/g, ' ')).join('\n') + '\n' });
  return output.toString('utf8').replace(/\n$/, '').split('\n');
}

/** The title, path and front matter of document i (cheap; links need other documents' titles). */
function identity(seed, index) {
  const random = generator(seed * 1_000_003 + index * 7919 + 1);
  const year = 2008 + random.int(19);
  const date = `${year}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
  const roll = random.next();
  const [type, typeSlug] = types.find(([, , limit]) => roll < limit);
  const place = random.pick(places);
  const title = type === '讲话'
    ? `在${place}${random.pick(meetings)}上的讲话（第${index + 1}号）`
    : type === '经验交流' ? `${place}${random.pick(meetings).replace(/会议|大会|座谈会|交流会|推进会|培训班/, '')}经验材料（第${index + 1}号）`
      : `关于加强${random.pick(topicNames)}工作的指导意见（第${index + 1}号）`;
  const path = `${year}/${typeSlug}-${String(index).padStart(5, '0')}.md`;
  return { random, year, date, type, title, path, level: random.pick(levels) };
}

/** The Markdown of document i. */
function documentText(seed, index, source) {
  const { random, date, type, title, path, level } = identity(seed, index);
  const inTraditional = random.next() < 0.1;
  const target = 3000 + random.int(7001);
  const sections = 2 + random.int(5);
  const perSection = target / sections;
  const lines = [];
  let length = 0;
  const paragraph = () => {
    let text;
    if (random.next() < 0.125) {
      text = random.pick(source.paragraphs);
    } else {
      const count = 2 + random.int(5);
      text = Array.from({ length: count }, () => sentence(random, source)).join('');
    }
    if (index > 0 && random.next() < 0.04) {
      const other = identity(seed, random.int(index));
      text += random.next() < 0.5
        ? `（参见[[${other.title}]]）`
        : `（详见[${other.title}](${relative(dirname(path), other.path)})）`;
    }
    length += text.length;
    return text;
  };
  lines.push(paragraph());
  for (let section = 0; section < sections; section++) {
    lines.push(`## ${numerals[section]}、${random.pick(source.headings)}`);
    const subsections = random.next() < 0.4 ? 2 + random.int(3) : 0;
    const sectionEnd = perSection * (section + 1);
    for (let sub = 0; sub < Math.max(1, subsections); sub++) {
      if (subsections) lines.push(`### （${numerals[sub]}）${random.pick(source.headings)}`);
      const subEnd = perSection * section + (perSection * (sub + 1)) / Math.max(1, subsections);
      do lines.push(paragraph()); while (length < Math.min(subEnd, sectionEnd));
    }
  }
  // Link titles and paths stay as the linked documents spell them, so they are masked (with
  // private-use characters OpenCC passes through) before a traditional document is converted.
  const links = [];
  const body = lines.join('\n\n').replace(/\[\[[^\]]+\]\]|\]\([^)]*\)/g, (link) => `\uE000${links.push(link) - 1}\uE000`);
  const topics = random.next() < 0.25 ? [...new Set([random.pick(topicNames), random.pick(topicNames)])] : [];
  const front = [`title: "${title}"`, `date: ${date}`, `type: "${type}"`, `level: "${level}"`];
  if (topics.length) front.push(`topics: [${topics.join(', ')}]`);
  return { path, front: `---\n${front.join('\n')}\n---\n\n`, body, links, inTraditional };
}

/**
 * Writes documents `start..<count` of the corpus into `out` as Markdown files, with the source
 * folder's site.yml and topics.yml. Returns the number of characters written.
 */
export function generateCorpus({ count, out, seed = 7, from = resolve(import.meta.dirname, '../content'), start = 0 }) {
  const source = readSource(from);
  const documents = [];
  for (let index = start; index < count; index++) documents.push(documentText(seed, index, source));
  // One run of OpenCC for the whole batch, paragraph breaks masked so each body stays one line.
  const traditional = documents.filter((document) => document.inTraditional);
  const converted = traditional.length ? convert(traditional.map((document) => document.body.replace(/\n\n/g, '\uE001')), 's2t') : [];
  traditional.forEach((document, n) => { document.body = converted[n].replace(/\uE001/g, '\n\n'); });
  let characters = 0;
  for (const document of documents) {
    const text = document.front + document.body.replace(/\uE000(\d+)\uE000/g, (_, n) => document.links[Number(n)]) + '\n';
    const file = join(out, document.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    characters += text.length;
  }
  for (const settings of ['site.yml', 'topics.yml']) copyFileSync(join(from, settings), join(out, settings));
  return characters;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const out = resolve(option('out', 'bench-corpus'));
  const count = Number(option('count', 1000));
  const characters = generateCorpus({ count, out, seed: Number(option('seed', 7)), from: resolve(option('from', 'content')) });
  console.log(`wrote ${count} documents (${(characters / 1e6).toFixed(1)} M characters) to ${out}`);
}
