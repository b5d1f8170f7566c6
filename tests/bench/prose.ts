import type { Random } from './random.ts';
import {
  ADJECTIVES, BASELINES, GERUNDS, GITHUB_USERS, HOSTILE_PARAGRAPHS, HOSTILE_SENTENCES, HOSTILE_TITLES, NAME_SUFFIXES, TITLE_TEMPLATES, VERBS,
  type Theme,
} from './words.ts';

const OPENINGS = [
  '{TaskCap} has become a central problem as models and workloads keep growing.',
  'Recent progress in {task} has been driven by ever larger {method}s.',
  '{TaskCap} is attracting growing attention from both academia and industry.',
  'Deploying a {method} for {task} remains costly in practice.',
];
const PROBLEMS = [
  'However, existing {method}s suffer from {issue}, which limits their use at scale.',
  'Unfortunately, we find that {issue} dominates the cost of current approaches to {task}.',
  'Prior work either ignores {issue} or addresses it with hand-tuned heuristics.',
];
const PROPOSALS = [
  'In this paper, we propose {Name}, {a} {adj} {method} that {does}.',
  'To address this, we introduce {Name}, which {does}.',
  'We present {Name}, {a} {adj} framework for {task} built on {part}.',
];
const DETAILS = [
  'Specifically, we {verb} {part} so that {benefit}.',
  'A small controller chooses between {part} and {part2} for every input, guided by a cheap estimate of its difficulty.',
  'We further {verb} the training objective with {part2}, so that {benefit}.',
  'Our profiling shows that {part} accounts for {p}% of the total cost, while {part2} accounts for most of the remaining time.',
  'The design needs no extra training data and adds fewer than {k} parameters to the base {method}.',
  'We also prove that the approximation error is bounded by {eps} under mild assumptions on the input distribution.',
  'Unlike {baseline}, {Name} keeps {part} unchanged and only adapts {part2}, which makes it easy to add to existing pipelines.',
  'To make this practical, we implement custom kernels and a scheduler that overlaps {part} with {part2}.',
  'We study the trade-off between quality and cost in detail and find that a single hyperparameter controls it.',
  'Ablations confirm that each component contributes, and that removing {part} costs {q}% of the gain.',
  'The method transfers to {other} without changes, suggesting that the idea is not specific to {task}.',
  'We analyse failure cases and find that most errors come from {issue} rather than from {part}.',
  'Training takes {m} GPU-days, and inference runs on a single commodity accelerator.',
  'Because {Name} is training-free, it can be applied to off-the-shelf checkpoints in minutes.',
];
const RESULTS = [
  'Extensive experiments on {dataset} and {dataset2} show that {Name} achieves a speedup of {x}x over {baseline} with a {small}% drop in {metric}.',
  'On {dataset}, {Name} improves {metric} by {p}% and cuts latency by {q}% compared with {baseline}.',
  '{Name}-{n}B reaches {score} {metric} on {dataset}, outperforming models {m}x its size.',
];
const CODE = [
  'Code is available at https://github.com/{user}/{Name}.',
  'Our code are open-sourced: https://github.com/{user}/{Name} .',
  'Code and models: https://github.com/{user}/{repo}',
  'Demos and data are at https://{repo}.github.io/{repo},',
  'We release the benchmark at https://huggingface.co/datasets/{user}/{Name} (CC-BY 4.0).',
];
const ISSUES = ['redundant computation', 'error accumulation', 'poor generalisation to unseen domains', 'high memory traffic', 'unstable optimisation', 'a mismatch between training and deployment', 'sensitivity to hyperparameters', 'a quadratic cost in sequence length'];
const DOES = ['combines {part} with {part2}', 'replaces {part} with a learned alternative', 'splits {task} into a sequence of cheaper subproblems', 'decouples {part} from the rest of the pipeline'];
const BENEFITS = ['errors no longer accumulate across steps', 'the memory footprint stays constant', 'the model adapts to each input', 'most of the computation can be skipped', 'training remains stable at scale'];
const METRICS = ['accuracy', 'F1', 'FID', 'word error rate', 'BLEU', 'recall@10', 'nDCG@10', 'perplexity', 'mAP', 'AUC'];
const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

/** What a title or an abstract is about: the themes it draws on and the model name it coins. */
export interface Subject {
  theme: Theme;
  other: Theme;
  name: string;
}

/** A coined model name in the listing's styles: "CacheQuant", "Nemotron-Flash", "EDA-DM", "semi-PD", "Moonshine2". */
export function coinName(random: Random, theme: Theme): string {
  const stem = random.pick(theme.stems);
  const suffix = random.pick(NAME_SUFFIXES);
  const letters = () => Array.from({ length: random.int(2, 4) }, () => String.fromCharCode(65 + random.int(0, 25))).join('');
  return random.weighted<() => string>([
    [() => `${stem}${suffix}`, 5],
    [() => `${stem}-${suffix}`, 2],
    [() => `${stem}${suffix}${random.int(2, 9)}`, 1],
    [() => letters(), 2],
    [() => `${letters()}-${letters()}`, 1],
    [() => `${stem.toLowerCase()}-${letters()}`, 1],
  ])();
}

/** A title for a paper on `subject`; hostile titles carry markup, quotes and accents. */
export function writeTitle(random: Random, subject: Subject, hostile: boolean): string {
  const template = hostile ? random.pick(HOSTILE_TITLES) : random.pick(TITLE_TEMPLATES);
  return fill(random, template, subject, true);
}

/** An abstract of 900–2,000 characters as paragraphs, now and then with code links and hostile text. */
export function writeAbstract(random: Random, subject: Subject, hostile: { sentence: boolean; paragraph: boolean }): string[] {
  const sentences = [random.pick(OPENINGS), random.pick(PROBLEMS), random.pick(PROPOSALS)].map((template) => fill(random, template, subject));
  const target = random.int(900, 2000);
  const results = fill(random, random.pick(RESULTS), subject);
  // Detail sentences in a random order, each at most once, until the abstract reaches its length.
  const details = [...DETAILS];
  while (details.length > 0 && sentences.join(' ').length + results.length < target - 60) {
    sentences.push(fill(random, details.splice(random.int(0, details.length - 1), 1)[0]!, subject));
  }
  sentences.push(results);
  if (hostile.sentence) sentences.splice(random.int(1, sentences.length - 1), 0, random.pick(HOSTILE_SENTENCES));
  if (random.chance(0.45)) sentences.push(fill(random, random.pick(CODE), subject));
  const paragraphs = random.chance(0.12) ? split(random, sentences) : [sentences.join(' ')];
  if (hostile.paragraph) paragraphs.splice(random.int(0, paragraphs.length), 0, random.pick(HOSTILE_PARAGRAPHS));
  return paragraphs;
}

/** Splits sentences into two or three paragraphs. */
function split(random: Random, sentences: string[]): string[] {
  const cuts = [random.int(1, sentences.length - 2)];
  if (sentences.length > 6 && random.chance(0.5)) cuts.push(random.int(cuts[0]! + 1, sentences.length - 1));
  return [0, ...cuts].map((start, i) => sentences.slice(start, cuts[i] ?? sentences.length).join(' '));
}

/** Fills a template's {placeholders} from the subject's themes and the generic banks. */
function fill(random: Random, template: string, subject: Subject, title = false): string {
  const { theme, other, name } = subject;
  const words: Record<string, () => string> = {
    Name: () => name,
    name: () => name,
    repo: () => name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    user: () => random.pick(GITHUB_USERS),
    Adj: () => random.pick(ADJECTIVES),
    adj: () => random.pick(ADJECTIVES).toLowerCase(),
    Gerund: () => random.pick(GERUNDS),
    Task: () => titleCase(random.pick(theme.tasks)),
    task: () => random.pick(theme.tasks),
    TaskCap: () => capitalise(random.pick(theme.tasks)),
    Method: () => titleCase(random.pick(theme.methods)),
    method: () => random.pick(theme.methods),
    Part: () => titleCase(random.pick(theme.parts).replace(/^(a|an) /, '')),
    part: () => random.pick(theme.parts),
    part2: () => random.pick(other.parts),
    Other: () => titleCase(random.pick(other.tasks)),
    other: () => random.pick(other.tasks),
    Braces: () => `{${titleCase(random.pick(theme.methods))}}`,
    Dataset: () => random.pick(theme.datasets),
    dataset: () => random.pick(theme.datasets),
    dataset2: () => random.pick(other.datasets),
    baseline: () => random.pick(BASELINES),
    metric: () => random.pick(METRICS),
    issue: () => random.pick(ISSUES),
    does: () => fill(random, random.pick(DOES), subject),
    benefit: () => random.pick(BENEFITS),
    verb: () => random.pick(VERBS),
    A: () => '\u0000A',
    a: () => '\u0000a',
    n: () => String(random.pick([1, 2, 3, 4, 7, 8, 13, 32, 70])),
    m: () => String(random.int(2, 10)),
    k: () => `${random.int(1, 900)}K`,
    p: () => (random.next() * 30 + 0.5).toFixed(1),
    q: () => String(random.int(5, 80)),
    x: () => (random.next() * 9 + 1.1).toFixed(2),
    small: () => (random.next() * 0.9).toFixed(2),
    score: () => (random.next() * 60 + 30).toFixed(1),
    eps: () => `${random.int(1, 9)}e-${random.int(2, 6)}`,
  };
  const text = template.replace(/\{(\w+)\}/g, (match, key: string) => words[key]?.() ?? match);
  const articled = text.replace(/\u0000([Aa]) (\S)/g, (_, a: string, next: string) => `${a}${/[aeiou]/i.test(next) ? 'n' : ''} ${next}`);
  return title ? articled : articled.replace(/\s+/g, ' ').trim();
}

/** "text-to-image generation" → "Text-to-Image Generation"; acronyms and mixed-case words stay as they are. */
function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.split('-').map((part, j) => (j > 0 && SMALL_WORDS.has(part) ? part : capitalise(part))).join('-')))
    .join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
