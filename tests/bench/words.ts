/** Word banks of one research area: what the generator writes titles and abstracts about. */
export interface Theme {
  /** The topic of content/topics.yaml whose terms these words contain ("other": none of them). */
  topic: string;
  tasks: string[];
  methods: string[];
  parts: string[];
  stems: string[];
  datasets: string[];
}

/**
 * One theme per topic, weighted roughly like the seed. The phrases contain the vocabulary's terms, so the real topic
 * assignment spreads the papers over every topic; the "other" theme avoids every term.
 */
export const THEMES: readonly (readonly [Theme, number])[] = [
  [{ topic: 'llm-serving', tasks: ['LLM serving', 'speculative decoding', 'KV cache management', 'request scheduling', 'prefill and decode scheduling', 'long-context serving', 'multi-tenant model serving'], methods: ['serving system', 'inference engine', 'scheduler', 'disaggregated runtime', 'batching policy'], parts: ['a paged KV cache', 'chunked prefill', 'SLO-aware admission control', 'goodput-driven batching', 'draft-model verification'], stems: ['Serve', 'Spec', 'KV', 'Batch', 'Prefill', 'Dist'], datasets: ['ShareGPT', 'LMSYS-Chat-1M', 'Azure LLM traces', 'BurstGPT'] }, 10],
  [{ topic: 'diffusion-generation', tasks: ['text-to-image generation', 'video generation', 'image synthesis', 'portrait video animation', 'few-step diffusion sampling', 'image editing'], methods: ['diffusion model', 'video diffusion transformer', 'consistency model', 'latent generative model', 'denoising schedule'], parts: ['timestep distillation', 'a cached denoising trajectory', 'classifier-free guidance', 'a temporal attention block'], stems: ['Diff', 'Dream', 'Paint', 'Motion', 'Pixel', 'Anim'], datasets: ['MS-COCO', 'ImageNet 256x256', 'LAION-5B', 'UCF-101', 'WebVid-10M'] }, 12],
  [{ topic: 'speech-audio', tasks: ['speech recognition', 'text-to-speech', 'spoken dialogue', 'audio captioning', 'speech translation', 'voice conversion'], methods: ['transducer', 'speech encoder', 'neural audio codec', 'waveform model', 'streaming ASR model'], parts: ['a causal acoustic encoder', 'chunked self-attention', 'a speech tokenizer', 'CTC alignment'], stems: ['Whisper', 'Voice', 'Sono', 'Wav', 'Echo', 'Tone'], datasets: ['LibriSpeech', 'Common Voice', 'GigaSpeech', 'AudioCaps', 'VCTK'] }, 8],
  [{ topic: 'quantization-compression', tasks: ['post-training quantization', 'model compression', 'structured pruning', 'knowledge distillation', 'low-bit inference'], methods: ['quantizer', 'pruning criterion', 'distilled student model', 'mixed-precision scheme'], parts: ['4-bit weights', 'outlier-aware rounding', 'a low bit-width activation format', 'calibration on 128 samples'], stems: ['Quant', 'Prune', 'Bit', 'Tiny', 'Slim', 'Q'], datasets: ['WikiText-2', 'C4', 'ImageNet', 'GLUE'] }, 9],
  [{ topic: 'spiking-neuromorphic', tasks: ['spiking neural network training', 'neuromorphic computing', 'event-driven perception', 'spike-based learning'], methods: ['spiking neural network', 'neuromorphic processor', 'spiking transformer', 'surrogate-gradient learner'], parts: ['leaky integrate-and-fire neurons', 'astrocyte-inspired plasticity', 'sparse spike trains'], stems: ['Spike', 'Neuro', 'Loihi', 'Axon', 'Synapse'], datasets: ['CIFAR10-DVS', 'N-MNIST', 'DVS128 Gesture', 'SHD'] }, 4],
  [{ topic: 'edge-mobile', tasks: ['on-device inference', 'edge computing', 'mobile deployment', 'IoT sensing', 'microcontroller inference'], methods: ['on-device runtime', 'edge offloading scheme', 'embedded accelerator', 'mobile model'], parts: ['a resource-constrained scheduler', 'ultra-low-power kernels', 'smartphone NPUs'], stems: ['Edge', 'Mobile', 'Micro', 'Pocket', 'Nano'], datasets: ['a Raspberry Pi 5', 'a Pixel 8 smartphone', 'Jetson Orin', 'an STM32 microcontroller'] }, 7],
  [{ topic: 'real-time-communication', tasks: ['real-time video communication', 'full-duplex dialogue', 'interactive avatar streaming', 'wireless video delivery'], methods: ['RTC stack', 'cross-layer protocol', 'adaptive bitrate controller', 'WebRTC pipeline'], parts: ['congestion-aware packet pacing', 'a 6G link model', 'jitter buffers'], stems: ['Live', 'Duplex', 'Stream', 'Link', 'Relay'], datasets: ['a WebRTC testbed', 'Puffer traces', 'a 5G field trial'] }, 5],
  [{ topic: 'recommender-systems', tasks: ['click-through rate prediction', 'sequential recommendation', 'user interest modelling', 'cold-start recommendation'], methods: ['recommender', 'CTR model', 'two-tower model', 'user behavior encoder'], parts: ['feature interaction layers', 'long user behavior sequences', 'embedding tables'], stems: ['Rec', 'CTR', 'Taste', 'Click', 'Feed'], datasets: ['Criteo', 'Avazu', 'MovieLens-1M', 'Amazon Books'] }, 5],
  [{ topic: 'retrieval-rag', tasks: ['retrieval-augmented generation', 'text reranking', 'dense retrieval', 'open-domain question answering'], methods: ['retriever', 'reranker', 'RAG pipeline', 'search engine'], parts: ['hybrid sparse-dense indexes', 'compressed passage memories', 'query rewriting'], stems: ['Rank', 'RAG', 'Retro', 'Recall', 'Find'], datasets: ['MS MARCO', 'BEIR', 'Natural Questions', 'HotpotQA', 'TREC DL'] }, 7],
  [{ topic: 'language-models', tasks: ['instruction tuning', 'mathematical reasoning', 'reinforcement learning from feedback', 'small language model pretraining', 'multilingual fine-tuning'], methods: ['large language model', 'small language model', 'reward model', 'policy optimisation recipe'], parts: ['verifiable rewards', 'synthetic instruction data', 'a curriculum of reasoning traces'], stems: ['Lingua', 'Reason', 'Tutor', 'Sage', 'Chat', 'Lexi'], datasets: ['GSM8K', 'MATH', 'MMLU', 'AlpacaEval', 'HumanEval'] }, 14],
  [{ topic: 'efficient-architectures', tasks: ['efficient inference', 'conditional computation', 'neural architecture search', 'latency prediction'], methods: ['sparse attention', 'hybrid architecture', 'early-exit network', 'hardware-aware search space'], parts: ['sliding window attention', 'mixture-of-experts routing', 'FlashAttention kernels'], stems: ['Lean', 'Flash', 'Sparse', 'Hybrid', 'Swift'], datasets: ['Long Range Arena', 'ImageNet', 'an A100 GPU', 'an H100 GPU'] }, 8],
  [{ topic: 'computer-vision', tasks: ['object detection', 'action recognition', 'semantic segmentation', 'video analytics', 'image classification'], methods: ['vision transformer', 'convolutional neural network', 'visual backbone', 'detector'], parts: ['multi-region features', 'deformable attention', 'visual tokens'], stems: ['Vis', 'Det', 'Seg', 'Eye', 'Lens'], datasets: ['COCO', 'Kinetics-400', 'ADE20K', 'Cityscapes'] }, 9],
  [{ topic: 'multimodal', tasks: ['vision-language understanding', 'multimodal dialogue', 'audio-visual question answering', 'video captioning'], methods: ['multimodal large language model', 'vision-language model', 'omni model', 'MLLM'], parts: ['interleaved image-text pretraining', 'a visual token compressor', 'cross-modal adapters'], stems: ['Omni', 'Pano', 'Muse', 'Iris', 'Mix'], datasets: ['MMBench', 'VQAv2', 'MMMU', 'Video-MME'] }, 8],
  [{ topic: 'surveys', tasks: ['survey of efficient language models', 'review of neural network quantization', 'overview of on-device learning'], methods: ['taxonomy', 'measurement study', 'comprehensive survey'], parts: ['a taxonomy of 300 papers', 'open problems', 'a unified benchmark'], stems: ['Survey', 'Atlas', 'Map', 'Compass'], datasets: ['the literature since 2017', 'twelve open benchmarks'] }, 3],
  [{ topic: 'other', tasks: ['protein structure prediction', 'weather forecasting', 'theorem proving', 'molecular property prediction', 'causal discovery', 'time series forecasting', 'symbolic regression', 'robot manipulation', 'crop yield estimation', 'knitting pattern design'], methods: ['graph neural network', 'Gaussian process', 'physics-informed network', 'Bayesian optimiser', 'contrastive pretraining scheme'], parts: ['equivariant message passing', 'learned priors', 'a differentiable simulator', 'uncertainty estimates'], stems: ['Fold', 'Storm', 'Proof', 'Mol', 'Causa', 'Tempo', 'Arm', 'Knit'], datasets: ['ERA5', 'miniF2F', 'QM9', 'the M4 competition', 'OGB'] }, 8],
];

/** Words that make coined model names: a stem from the theme, then one of these. */
export const NAME_SUFFIXES = ['Net', 'Former', 'Quant', 'Flow', 'Mamba', 'Bench', 'Gen', 'Lite', 'Pro', 'Zero', 'X', 'Mind', 'Pilot', 'Forge', 'Scope', 'Fusion', 'Shift', 'Star', 'Kit', 'Agent', 'Coder', 'LM', 'GPT', 'Bridge', 'Weave', 'Pulse'];

/** Adjectives that open or qualify titles; none is a vocabulary term. */
export const ADJECTIVES = ['Efficient', 'Scalable', 'Adaptive', 'Robust', 'Unified', 'Training-Free', 'Hierarchical', 'Dynamic', 'Provable', 'Self-Supervised', 'Context-Aware', 'Memory-Efficient', 'Fast', 'Faithful', 'Composable', 'Sparse', 'Continual', 'Federated', 'Differentiable', 'Interpretable'];

/** Verbs of "we <verb> …" sentences. */
export const VERBS = ['rethink', 'revisit', 'accelerate', 'stabilise', 'simplify', 'scale', 'unify', 'decouple', 'calibrate', 'regularise'];

/** Verbs that open titles ("Taming … with …"). */
export const GERUNDS = ['Rethinking', 'Revisiting', 'Accelerating', 'Stabilising', 'Simplifying', 'Scaling', 'Unifying', 'Decoupling', 'Calibrating', 'Taming'];

/** Shapes of titles; {Name}, {Adj}, {Gerund}, {Task}, {Method}, {Part}, {Other}, {Dataset}, {A} and {n} are filled in. */
export const TITLE_TEMPLATES = [
  '{Name}: {Adj} {Method} for {Task}',
  '{Name}: {Gerund} {Task} with {Part}',
  '{Adj} {Task} via {Part}',
  '{Adj} {Method} for {Task} with {Part}',
  'Towards {Adj} {Task}: {A} {Method} Meets {Other}',
  '{Name} v{n}: {Adj} {Task} at Scale',
  '{Name}-{n}B: {A} {Adj} {Method} for {Task}',
  'Are We There Yet? {A} Study of {Task} on {Dataset}',
  'When {Part} Matters: {Adj} {Method} for {Task}',
  '{Task} Is Not All You Need: {Name} for {Other}',
  'Learning {Task} from {Part} with {Name}',
  '{Name}: Bridging {Task} and {Other}',
];

/** Titles that carry the seed's hostile characters (markup, braces, quotes, accents); each also names {Name}. */
export const HOSTILE_TITLES = [
  '{Name}: Reasoning with <think> Tags & Friends for {Task}',
  '{Name}: When <b>Less</b> Is More in {Task}',
  '{Name}: {Braces}, $\\mathcal{O}(n)$ and 100% {Task}',
  '“{Name}”: Quoting \'Smart\' and "Plain" {Task}',
  '{Name} — Ünïcödé Tîtles, naïve Café Models and {Task} in 東京',
  'import {Name} from "{Task}"',
  'export const {Name} = {Task}',
  '{Name}: A < B > C & D for {Task}',
  '{Name}: {Task} with (<4B Parameters) and ASR -> LLM',
];

/** Paragraphs from tests/fixtures/site/seeds/003_hostile.txt and kin: MDX, HTML and template syntax meant as text. */
export const HOSTILE_PARAGRAPHS = [
  'export const x = process.exit(1)',
  'import fs from "node:fs"',
  'export default function Layout() { return null }',
  '<Component prop={globalThis.process.exit(2)} />',
  '{/* a comment */} and </div> and <!-- html comment --> and ${`template`} end.',
  '# Not a heading, - not a list, > not a quote, --- not a rule.',
];

/** Sentences with hostile characters, placed inside an abstract paragraph. */
export const HOSTILE_SENTENCES = [
  'The model reads {process.env.HOME} and writes <script>alert(1)</script> and <img src=x onerror=alert(1)> inline.',
  'An unclosed < bracket, math $\\mathcal{O}(k)$, 86\\% and {rm H{small A}SP{small E}R} with (<4B parameters) and (>30 seconds) and ASR -> LLM.',
  'We wrap the chain of thought in <think> … </think> tags & compare "double" and \'single\' quotes.',
  'Cost falls from $O(n^2)$ to $O(n \\log n)$, a 10^{3}× gain at 128k tokens (p<0.01).',
  'Names such as naïve Zürich café, Ångström, 東京, Ελληνικά, مرحبا and 🚀 must survive, as must a zero\u200bwidth space.',
  'Markdown *emphasis*, _underscores_, [a link](javascript:alert(1)), `code` and | a | table | stay literal.',
  'Backslashes \\n and \\t, a lone \\ and {{ .Title }} are text too.',
];

/** Organisation bylines ("handle Display Name") as the listing prints them instead of an author count. */
export const ORGANIZATIONS = ['nvidia NVIDIA', 'AlibabaTongyiLab TongyiLab', 'google Google', 'facebook AI at Meta', 'microsoft Microsoft', 'Qwen Qwen', 'deepseek-ai DeepSeek', 'allenai Ai2', 'HuggingFaceTB Hugging Face Smol Models Research', 'mistralai Mistral AI', 'ByteDance-Seed ByteDance Seed', 'openbmb OpenBMB', 'evil <b>org</b>', 'att AT&T "Labs" {research}', 'zurich-nlp Universität Zürich'];

/** Account names of code links. */
export const GITHUB_USERS = ['BienLuky', 'AndyCao1125', 'SLDGroup', 'mailong25', 'salmon1802', 'shawnricecake', 'HayeonLee', 'AlibabaPAI', 'pku-netvideo', 'thu-ml', 'facebookresearch', 'google-research', 'microsoft', 'NVlabs', 'OpenGVLab', 'hao-ai-lab'];

/** Systems the results are compared with. */
export const BASELINES = ['the strongest prior method', 'vLLM', 'standard fine-tuning', 'the full-precision model', 'a dense baseline', 'the previous state of the art', 'GPT-4o', 'Llama-3-8B'];
