/**
 * What the gateway reads and writes in each API's bodies (OpenAI chat completions, responses and
 * embeddings; Anthropic messages): the texts of a request (messages, system prompts, tool-call
 * arguments), the texts of an answer and of each streamed event, the token usage, and the API's
 * own error shape. Pure: no I/O. Everything not named here is forwarded untouched.
 */
export type GatewayEndpoint = 'chat' | 'responses' | 'embeddings' | 'messages';
export type GatewayDialect = 'openai' | 'anthropic';

export const ENDPOINT_DIALECT: Record<GatewayEndpoint, GatewayDialect> = {
  chat: 'openai',
  responses: 'openai',
  embeddings: 'openai',
  messages: 'anthropic',
};

/** A string inside a parsed body that the gateway may read and replace. */
export interface TextRef {
  get(): string;
  set(value: string): void;
  /** Which streamed field it is (stable across the events of one stream), for deltas. */
  key?: string;
  /**
   * The string is JSON text (tool-call arguments): a value restored into it goes in escaped as a
   * JSON string's content, and a value masked in it is kept as the JSON string means it.
   */
  json?: boolean;
  /**
   * The request's own text that an answer repeats (a Responses answer's instructions and prompt
   * variables): decided when it was sent, so only restored in the answer, not decided again.
   */
  echo?: boolean;
}

type Json = Record<string, unknown>;

/**
 * JSON text (tool-call arguments) as the detectors read it, at the same offsets: each two-character
 * escape becomes a blank and the character it stands for (`\n` a line break, `\"` a quote), so
 * that a value after a line break starts a word as it does for the model ("\nghp_..." read as
 * "nghp_..." hid a GitHub token, "\nDE89..." an IBAN); `\uXXXX` stays as it is. Masks found in it
 * apply to the JSON text itself. One pass, only over text that has a backslash.
 */
export function jsonForInspection(text: string): string {
  let i = text.indexOf('\\');
  if (i === -1) return text;
  let out = '';
  let from = 0;
  while (i !== -1 && i + 1 < text.length) {
    const c = text[i + 1]!;
    const ch = c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 'b' || c === 'f' ? ' ' : c === '"' || c === '\\' || c === '/' ? c : null;
    if (ch !== null) {
      out += `${text.slice(from, i)} ${ch}`;
      from = i + 2;
    }
    i = text.indexOf('\\', i + 2);
  }
  return out + text.slice(from);
}

/** A text as it is decided: JSON text as the detectors read it (see jsonForInspection). */
export function inspectedText(ref: TextRef): string {
  return ref.json ? jsonForInspection(ref.get()) : ref.get();
}
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A string of a parsed body: a property of an object or an element of an array. One object per
 * text (no closures): the gateway makes one for each text of every streamed event.
 */
class Ref implements TextRef {
  key: string | undefined;
  json: boolean | undefined;
  echo: boolean | undefined = undefined;

  constructor(
    private readonly holder: Record<string | number, unknown>,
    private readonly name: string | number,
    key: string | undefined,
    json: boolean | undefined,
  ) {
    this.key = key;
    this.json = json;
  }

  get(): string {
    return this.holder[this.name] as string;
  }

  set(value: string): void {
    this.holder[this.name] = value;
  }
}

/**
 * Adds `holder[name]` when it is a non-empty string, with its field's key `key` + `suffix` (made
 * only then) and `json` when it is JSON text.
 */
function add(out: TextRef[], holder: Json | unknown[], name: string | number, key?: string, json?: boolean, suffix?: string): void {
  const v = (holder as Record<string | number, unknown>)[name];
  if (typeof v === 'string' && v !== '') out.push(new Ref(holder as Record<string | number, unknown>, name, key !== undefined && suffix !== undefined ? key + suffix : key, json ? true : undefined));
}

/** Shared by the loops over a field that is not an array (no empty array made each time). */
const NONE: readonly unknown[] = Object.freeze([]);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : NONE);

/** A chat choice's key (`c<index>`), made once for the usual indexes. */
const CHAT_KEYS: string[] = [];
function chatKey(index: unknown): string {
  if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < 64) return (CHAT_KEYS[index] ??= `c${String(index)}`);
  return `c${String(index)}`;
}

/**
 * Every string leaf of a JSON value (Anthropic tool inputs are objects, not strings), in document
 * order, however deep: walked with a stack of its own, since a leaf left out would reach the
 * provider uninspected and recursion has a depth the caller could exceed.
 */
function stringLeaves(value: unknown, out: TextRef[]): void {
  if (!Array.isArray(value) && !isObj(value)) return;
  const stack: { node: unknown[] | Json; keys: (string | number)[] | null; at: number }[] = [{ node: value, keys: null, at: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const node = top.node;
    if (Array.isArray(node)) {
      if (top.at >= node.length) {
        stack.pop();
        continue;
      }
      const i = top.at++;
      const v = node[i];
      if (typeof v === 'string') add(out, node, i);
      else if (Array.isArray(v) || isObj(v)) stack.push({ node: v, keys: null, at: 0 });
    } else {
      const keys = (top.keys ??= Object.keys(node));
      if (top.at >= keys.length) {
        stack.pop();
        continue;
      }
      const k = keys[top.at++] as string;
      const v = node[k];
      if (typeof v === 'string') add(out, node, k);
      else if (Array.isArray(v) || isObj(v)) stack.push({ node: v, keys: null, at: 0 });
    }
  }
}

/**
 * OpenAI content: a string, or parts of which the text ones count (and a refusal part's refusal).
 * Mistral's reasoning models answer with content parts too, their thinking as a part holding text
 * parts of its own.
 */
function openaiContent(holder: Json, field: string, out: TextRef[]): void {
  const c = holder[field];
  if (typeof c === 'string') add(out, holder, field);
  else if (Array.isArray(c))
    for (const part of c) {
      if (!isObj(part)) continue;
      add(out, part, 'text');
      add(out, part, 'refusal');
      if (Array.isArray(part.thinking)) openaiContent(part, 'thinking', out);
    }
}

/**
 * Strings given as a string, an array of strings or an object of them (shell commands, their
 * environment); `json` when a string is JSON text (tool-call arguments).
 */
function strings(holder: Json, field: string, out: TextRef[], json?: boolean): void {
  const v = holder[field];
  if (typeof v === 'string') add(out, holder, field, undefined, json);
  else stringLeaves(v, out);
}

/**
 * A Responses item's texts, the same whether it comes in an answer or is sent back in the next
 * turn's input (where what was restored in the answer must be decided again): a message's content
 * and its citations' titles, reasoning, tool calls' arguments and input, tool outputs (a string,
 * text parts, or a shell call's stdout and stderr), an MCP call's error and the reason given for
 * answering an MCP approval request, code the model ran and its logs or result, the text a
 * computer-use model types, shell commands and their environment, a patch's diff, web and file
 * search queries and the passages a file search found. Screenshots, images (an image generation's
 * result) and encrypted reasoning are not text.
 */
function responsesItemTexts(item: Json, out: TextRef[]): void {
  openaiContent(item, 'content', out);
  for (const part of arr(item.content))
    if (isObj(part) && Array.isArray(part.annotations)) for (const a of part.annotations) if (isObj(a)) add(out, a, 'title');
  for (const part of arr(item.summary)) if (isObj(part)) add(out, part, 'text');
  strings(item, 'arguments', out, true);
  add(out, item, 'input');
  if (typeof item.output === 'string') add(out, item, 'output');
  else if (Array.isArray(item.output))
    for (const o of item.output) {
      if (!isObj(o)) continue;
      add(out, o, 'text');
      add(out, o, 'stdout');
      add(out, o, 'stderr');
    }
  add(out, item, 'error');
  if (item.type === 'mcp_approval_response') add(out, item, 'reason');
  add(out, item, 'code');
  for (const o of arr(item.outputs)) if (isObj(o)) add(out, o, 'logs');
  if (item.type === 'program_output') add(out, item, 'result');
  for (const a of [item.action, ...(arr(item.actions))]) {
    if (!isObj(a)) continue;
    if (a.type === 'type') add(out, a, 'text');
    strings(a, 'command', out);
    strings(a, 'commands', out);
    if (isObj(a.env)) stringLeaves(a.env, out);
    add(out, a, 'working_directory');
    add(out, a, 'query');
    strings(a, 'queries', out);
    add(out, a, 'pattern');
  }
  if (isObj(item.operation)) add(out, item.operation, 'diff');
  strings(item, 'queries', out);
  for (const r of arr(item.results)) if (isObj(r)) add(out, r, 'text');
}

/**
 * The model's reasoning in a chat message or delta, each copy under its own suffix of the choice's
 * key: DeepSeek's `reasoning_content` (r), `reasoning` as other OpenAI-compatible servers name it
 * (R; some send both), and OpenRouter's `reasoning_details[j]` as text (d<j>) or summary (s<j>).
 * Every copy is inspected, a copy left out would go to the caller unmasked, except a detail that
 * carries a `signature`: like Anthropic's thinking, a signed detail must go back unchanged in the
 * next turn of a tool loop, or the provider refuses it.
 */
function reasoningTexts(holder: Json, key: string, out: TextRef[]): void {
  add(out, holder, 'reasoning_content', key, false, 'r');
  add(out, holder, 'reasoning', key, false, 'R');
  const details = holder.reasoning_details;
  if (Array.isArray(details))
    details.forEach((d, j) => {
      if (!isObj(d) || d.signature != null) return;
      const at = String(typeof d.index === 'number' ? d.index : j);
      add(out, d, 'text', `${key}d${at}`);
      add(out, d, 'summary', `${key}s${at}`);
    });
}

/** The titles of the pages a chat answer cites (web search models): text of the page, like a Responses citation's. */
function chatCitationTitles(holder: Json, out: TextRef[]): void {
  for (const a of arr(holder.annotations)) if (isObj(a) && isObj(a.url_citation)) add(out, a.url_citation, 'title');
}

/**
 * A chat message's texts: its content (a string, or parts: OpenAI's own answers are strings, other
 * servers' may not be), its citations' titles, refusal, a spoken answer's transcript, reasoning,
 * tool-call and legacy function-call arguments.
 */
function chatMessageTexts(m: Json, out: TextRef[]): void {
  openaiContent(m, 'content', out);
  chatCitationTitles(m, out);
  add(out, m, 'refusal');
  // a spoken answer's text (modalities: audio): the answer itself, content being null
  if (isObj(m.audio)) add(out, m.audio, 'transcript');
  reasoningTexts(m, '', out);
  for (const tc of arr(m.tool_calls)) {
    if (!isObj(tc)) continue;
    // JSON text; an object from servers that take one (read leaf by leaf, not left out)
    if (isObj(tc.function)) strings(tc.function, 'arguments', out, true);
    // a custom tool's call (freeform input, not JSON)
    if (isObj(tc.custom)) add(out, tc.custom, 'input');
  }
  if (isObj(m.function_call)) strings(m.function_call, 'arguments', out, true);
}

/** A stored prompt's variables, filled with the caller's text (and echoed in the answer). */
function promptVariables(prompt: unknown, out: TextRef[]): void {
  if (!isObj(prompt) || !isObj(prompt.variables)) return;
  const variables = prompt.variables;
  for (const [name, v] of Object.entries(variables)) {
    if (typeof v === 'string') add(out, variables, name);
    else if (isObj(v)) add(out, v, 'text');
  }
}

/** Responses events that carry a piece of a part (`delta`), keyed by output and content index. */
const RESPONSES_DELTAS = new Set([
  'response.output_text.delta',
  'response.refusal.delta',
  'response.reasoning_text.delta',
  'response.function_call_arguments.delta',
  'response.mcp_call_arguments.delta',
  'response.custom_tool_call_input.delta',
  'response.code_interpreter_call_code.delta',
]);
/** Responses events that end one part (the `.done` of each of those deltas). */
const RESPONSES_PART_ENDS = new Set([
  'response.output_text.done',
  'response.refusal.done',
  'response.reasoning_text.done',
  'response.content_part.done',
  'response.function_call_arguments.done',
  'response.mcp_call_arguments.done',
  'response.custom_tool_call_input.done',
  'response.code_interpreter_call_code.done',
]);

/** Of those, the ones whose pieces are JSON text (tool-call arguments). */
const RESPONSES_JSON_DELTAS = new Set(['response.function_call_arguments.delta', 'response.mcp_call_arguments.delta']);
/** Responses events that carry the response object: those that open the stream and those that end it. */
const RESPONSES_WHOLE_ANSWERS = new Set(['response.created', 'response.queued', 'response.in_progress', 'response.completed', 'response.incomplete', 'response.failed']);

/** A Responses reasoning summary's streamed field. */
function summaryKey(data: Json): string {
  return `o${String(data.output_index ?? 0)}.s${String(data.summary_index ?? 0)}`;
}

/** One command of a Responses shell call, streamed. */
function commandKey(data: Json): string {
  return `o${String(data.output_index ?? 0)}.x${String(data.command_index ?? 0)}`;
}

/** The texts of a request that are decided as a prompt before forwarding. */
export function requestTexts(endpoint: GatewayEndpoint, body: Json): TextRef[] {
  const out: TextRef[] = [];
  if (endpoint === 'chat') {
    // an assistant turn sent back carries its refusal and reasoning too (with the values restored)
    for (const m of arr(body.messages)) if (isObj(m)) chatMessageTexts(m, out);
    // a predicted output is the caller's text too (the file being edited), sent with the prompt
    if (isObj(body.prediction)) openaiContent(body.prediction, 'content', out);
  } else if (endpoint === 'responses') {
    add(out, body, 'instructions');
    promptVariables(body.prompt, out);
    if (typeof body.input === 'string') add(out, body, 'input');
    else
      for (const item of arr(body.input)) if (isObj(item)) responsesItemTexts(item, out);
  } else if (endpoint === 'embeddings') {
    const input = body.input;
    if (typeof input === 'string') add(out, body, 'input');
    else if (Array.isArray(input)) input.forEach((v, i) => typeof v === 'string' && add(out, input, i));
  } else {
    const system = body.system;
    if (typeof system === 'string') add(out, body, 'system');
    // system blocks are text blocks: they may cite the caller's documents too
    else if (Array.isArray(system))
      for (const b of system) {
        if (!isObj(b)) continue;
        add(out, b, 'text');
        for (const c of arr(b.citations)) citationTexts(c, out);
      }
    for (const m of arr(body.messages)) {
      if (!isObj(m)) continue;
      if (typeof m.content === 'string') add(out, m, 'content');
      else for (const b of arr(m.content)) anthropicBlock(b, out);
    }
  }
  return out;
}

/**
 * Why a request carries input that reaches the provider as text but that the gateway cannot read as
 * text, or null: embeddings given as token ids (an array of numbers, or of such arrays), which the
 * provider decodes with its tokenizer. They would be forwarded uninspected, so they are refused.
 */
export function uninspectableInput(endpoint: GatewayEndpoint, body: Json): string | null {
  if (endpoint !== 'embeddings' || !Array.isArray(body.input)) return null;
  if (body.input.every((v) => typeof v === 'string')) return null;
  return 'Airlock cannot inspect embeddings input given as token ids: send the input as text (a string or an array of strings). LangChain sends token ids unless OpenAIEmbeddings is given check_embedding_ctx_length=False.';
}

/**
 * An Anthropic content block's texts: text (and the passages its citations quote), tool inputs,
 * tool results (and those of the tools Anthropic runs), documents given as text or as content blocks
 * (with their title and context), search results. Images and base64 or file documents are not text.
 */
function anthropicBlock(b: unknown, out: TextRef[]): void {
  if (!isObj(b)) return;
  if (b.type === 'text') {
    add(out, b, 'text');
    for (const c of arr(b.citations)) citationTexts(c, out);
  } else if (b.type === 'tool_use' || b.type === 'server_tool_use' || b.type === 'mcp_tool_use') stringLeaves(b.input, out);
  else if (b.type === 'tool_result' || b.type === 'mcp_tool_result' || b.type === 'search_result') {
    add(out, b, 'title');
    if (typeof b.content === 'string') add(out, b, 'content');
    else for (const c of arr(b.content)) anthropicBlock(c, out);
  } else if (typeof b.type === 'string' && b.type.endsWith('_tool_result')) serverToolResult(b.content, out);
  else if (b.type === 'document') {
    add(out, b, 'title');
    add(out, b, 'context');
    const source = b.source;
    if (isObj(source) && source.type === 'text') add(out, source, 'data');
    else if (isObj(source) && source.type === 'content') {
      if (typeof source.content === 'string') add(out, source, 'content');
      else for (const c of arr(source.content)) anthropicBlock(c, out);
    }
  }
}

/**
 * The result of a tool Anthropic runs itself (code execution, bash, text editor, web fetch, web
 * search, advisor), in the answer and sent back in the next turn: a program's stdout and stderr, a
 * file viewed (as text) or the lines of an edit, a fetched page (a document), search results'
 * titles, an advisor's text. Encrypted output, a file as PDF or image, and error codes are not text.
 */
function serverToolResult(c: unknown, out: TextRef[]): void {
  if (Array.isArray(c)) for (const r of c) if (isObj(r)) add(out, r, 'title');
  if (!isObj(c)) return;
  add(out, c, 'stdout');
  add(out, c, 'stderr');
  if (c.type === 'text_editor_code_execution_view_result' && c.file_type === 'text') add(out, c, 'content');
  if (Array.isArray(c.lines)) stringLeaves(c.lines, out);
  if (c.type === 'web_fetch_result') anthropicBlock(c.content, out);
  if (c.type === 'advisor_result') add(out, c, 'text');
}

/** The passage a citation quotes from the caller's documents, and their title. */
function citationTexts(c: unknown, out: TextRef[]): void {
  if (!isObj(c)) return;
  add(out, c, 'cited_text');
  add(out, c, 'document_title');
  add(out, c, 'title');
}

/** The texts of a complete answer (inspected as a response, then restored for the caller). */
export function responseTexts(endpoint: GatewayEndpoint, body: Json): TextRef[] {
  const out: TextRef[] = [];
  if (endpoint === 'chat') {
    for (const c of arr(body.choices)) {
      if (isObj(c) && isObj(c.message)) chatMessageTexts(c.message, out);
    }
  } else if (endpoint === 'responses') {
    for (const item of arr(body.output)) if (isObj(item)) responsesItemTexts(item, out);
    add(out, body, 'output_text');
    // the request's instructions and stored prompt's variables, echoed: decided (and masked) when
    // they were sent, only restored for the caller here
    const echoed = out.length;
    if (typeof body.instructions === 'string') add(out, body, 'instructions');
    else for (const item of arr(body.instructions)) if (isObj(item)) responsesItemTexts(item, out);
    promptVariables(body.prompt, out);
    for (let i = echoed; i < out.length; i++) out[i]!.echo = true;
  } else if (endpoint === 'messages') {
    for (const b of arr(body.content)) anthropicBlock(b, out);
  }
  return out;
}

export interface StreamTexts {
  /** Pieces of a streamed field: scanned with a look-back window, restored with hold-back. */
  deltas: TextRef[];
  /** Whole fields repeated at the end of a stream (`.done` events, `response.completed`). */
  wholes: TextRef[];
}

/** The texts of one streamed event. */
export function streamTexts(endpoint: GatewayEndpoint, event: string | null, data: Json): StreamTexts {
  const deltas: TextRef[] = [];
  const wholes: TextRef[] = [];
  if (endpoint === 'chat') {
    for (const c of arr(data.choices)) {
      if (!isObj(c) || !isObj(c.delta)) continue;
      const key = chatKey(c.index ?? 0);
      add(deltas, c.delta, 'content', key);
      // content as parts (Mistral): text parts go on with the answer, a thinking part's text is reasoning (T)
      for (const part of arr(c.delta.content)) {
        if (!isObj(part)) continue;
        add(deltas, part, 'text', key);
        for (const t of arr(part.thinking)) if (isObj(t)) add(deltas, t, 'text', key, false, 'T');
      }
      // citations arrive whole (in the last chunks of a web search answer)
      chatCitationTitles(c.delta, wholes);
      add(deltas, c.delta, 'refusal', key, false, 'f');
      if (isObj(c.delta.audio)) add(deltas, c.delta.audio, 'transcript', key, false, 'a');
      if (isObj(c.delta.function_call)) add(deltas, c.delta.function_call, 'arguments', key, true, 'F');
      reasoningTexts(c.delta, key, deltas);
      for (const tc of arr(c.delta.tool_calls)) {
        if (!isObj(tc)) continue;
        if (isObj(tc.function)) add(deltas, tc.function, 'arguments', `${key}t${String(tc.index ?? 0)}`, true);
        // a custom tool's freeform input, a field of its own (u)
        if (isObj(tc.custom)) add(deltas, tc.custom, 'input', `${key}u${String(tc.index ?? 0)}`);
      }
    }
  } else if (endpoint === 'responses') {
    const type = typeof data.type === 'string' ? data.type : event;
    const key = `o${String(data.output_index ?? 0)}.${String(data.content_index ?? 0)}`;
    if (RESPONSES_DELTAS.has(type ?? '')) add(deltas, data, 'delta', key, RESPONSES_JSON_DELTAS.has(type ?? ''));
    // a shell call's commands (x<command_index>) and a patch's diff (p), streamed in pieces
    else if (type === 'response.shell_call_command.delta') add(deltas, data, 'delta', commandKey(data));
    else if (type === 'response.apply_patch_call_operation_diff.delta') add(deltas, data, 'delta', `o${String(data.output_index ?? 0)}.p`);
    else if (type === 'response.shell_call_command.added' || type === 'response.shell_call_command.done') add(wholes, data, 'command');
    else if (type === 'response.apply_patch_call_operation_diff.done') add(wholes, data, 'diff');
    else if (type === 'response.reasoning_summary_text.delta') add(deltas, data, 'delta', summaryKey(data));
    // a spoken answer's transcript: its events name no output, one field of its own (a)
    else if (type === 'response.audio.transcript.delta') add(deltas, data, 'delta', 'a');
    else if (type === 'response.output_text.done' || type === 'response.reasoning_text.done' || type === 'response.reasoning_summary_text.done') add(wholes, data, 'text');
    else if (type === 'response.refusal.done') add(wholes, data, 'refusal');
    else if (type === 'response.reasoning_summary_part.done' && isObj(data.part)) add(wholes, data.part, 'text');
    else if (type === 'response.function_call_arguments.done' || type === 'response.mcp_call_arguments.done') add(wholes, data, 'arguments', undefined, true);
    else if (type === 'response.custom_tool_call_input.done') add(wholes, data, 'input');
    // OpenAI adds a part empty; a server that adds it with text has it read
    else if ((type === 'response.content_part.done' || type === 'response.content_part.added') && isObj(data.part)) add(wholes, data.part, data.part.type === 'refusal' ? 'refusal' : 'text');
    else if (type === 'response.code_interpreter_call_code.done') add(wholes, data, 'code');
    else if (type === 'response.output_text.annotation.added' && isObj(data.annotation)) add(wholes, data.annotation, 'title');
    // an item may arrive whole when it is added (an MCP approval request has no deltas)
    else if ((type === 'response.output_item.done' || type === 'response.output_item.added') && isObj(data.item)) wholes.push(...responseTexts('responses', { output: [data.item] }));
    // the events that open the stream echo the request's instructions and prompt variables (restored here)
    else if (RESPONSES_WHOLE_ANSWERS.has(type ?? '') && isObj(data.response)) wholes.push(...responseTexts('responses', data.response));
  } else if (endpoint === 'messages') {
    // Extended thinking (thinking_delta) is left as it came: Anthropic signs each thinking block and
    // refuses the next turn of a tool loop when one sent back was changed.
    if (data.type === 'content_block_delta' && isObj(data.delta)) {
      const key = `b${String(data.index ?? 0)}`;
      if (data.delta.type === 'text_delta') add(deltas, data.delta, 'text', key);
      else if (data.delta.type === 'input_json_delta') add(deltas, data.delta, 'partial_json', key, true);
      // each citation arrives whole: the passage it quotes from the caller's documents
      else if (data.delta.type === 'citations_delta') citationTexts(data.delta.citation, wholes);
    } else if (data.type === 'content_block_start' && isObj(data.content_block)) anthropicBlock(data.content_block, wholes);
  }
  return { deltas, wholes };
}

/** A choice's fields after its key: tool-call arguments, custom tool input, reasoning copies, refusal. */
const CHOICE_PART = /^(?:t\d+|u\d+|r|R|T|d\d+|s\d+|f|a|F)$/;
const REASONING_PART = /^(?:r|R|T|d\d+|s\d+)$/;
const nonEmpty = (v: unknown): boolean => (typeof v === 'string' && v !== '') || (Array.isArray(v) && v.length > 0);
/** Content that is the answer: a string, or parts other than thinking. */
const answerContent = (v: unknown): boolean => (typeof v === 'string' ? v !== '' : Array.isArray(v) && v.some((p) => !isObj(p) || p.type !== 'thinking'));

/** What a chunk of one choice's answer ends (that choice's reasoning), made once per choice key. */
const ANSWERING_ENDERS = new Map<string, (key: string) => boolean>();
function answeringEnder(choice: string): (key: string) => boolean {
  let ender = ANSWERING_ENDERS.get(choice);
  if (!ender) {
    const keys = [choice];
    ender = (key) => choicePart(keys, REASONING_PART, key);
    if (ANSWERING_ENDERS.size < 64) ANSWERING_ENDERS.set(choice, ender);
  }
  return ender;
}

/** Whether `key` is a field (`parts`) of one of the choices `keys`: c1 and t0 of c1t0. */
function choicePart(keys: readonly string[], parts: RegExp, key: string): boolean {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (key.startsWith(k) && parts.test(key.slice(k.length))) return true;
  }
  return false;
}

/**
 * Which streamed fields (keys of streamTexts' deltas) an event ends: a chat choice's finish_reason
 * ends that choice's content and tool-call arguments, a Responses `.done` event its part, an
 * Anthropic content_block_stop its block; the end of the whole answer ends every field. A field
 * still holding back the start of a placeholder sends it before such an event, and only then: with
 * several choices interleaved (n > 1), one choice ending says nothing about the others.
 */
export function endedFields(endpoint: GatewayEndpoint, event: string | null, data: Json): ((key: string) => boolean) | 'all' | null {
  if (endpoint === 'chat') {
    // an error event ends the answer (the SDKs raise it): what is held goes out before it
    if (isObj(data.error)) return 'all';
    let ended: string[] | null = null;
    let answering: string[] | null = null;
    let spoken: string[] | null = null;
    for (const c of arr(data.choices)) {
      if (!isObj(c)) continue;
      const k = chatKey(c.index ?? 0);
      // some servers (Ollama, sglang) send "finish_reason": "" on every chunk: only a reason ends a choice
      if (typeof c.finish_reason === 'string' && c.finish_reason !== '') (ended ??= []).push(k);
      // the answer begins (content, a tool call, a refusal): the reasoning before it is over
      else if (isObj(c.delta) && (answerContent(c.delta.content) || nonEmpty(c.delta.tool_calls) || nonEmpty(c.delta.refusal) || isObj(c.delta.function_call) || (isObj(c.delta.audio) && nonEmpty(c.delta.audio.transcript)))) (answering ??= []).push(k);
      // a spoken answer's last audio chunk (its expiry) ends its transcript: the SDKs end the choice there
      if (isObj(c.delta) && isObj(c.delta.audio) && c.delta.audio.expires_at != null) (spoken ??= []).push(`${k}a`);
    }
    if (!ended && !answering && !spoken) return null;
    // the usual chunk: one choice's answer goes on (its reasoning is over), the same function each time
    if (!ended && !spoken && answering!.length === 1) return answeringEnder(answering![0]!);
    // a choice's content (c1), its tool calls' arguments (c1t0), its reasoning (c1r, c1R, c1d0) and refusal (c1f)
    const endedNow: readonly string[] | null = ended;
    const answeringNow: readonly string[] | null = answering;
    const spokenNow: readonly string[] | null = spoken;
    return (key) =>
      (endedNow !== null && (endedNow.includes(key) || choicePart(endedNow, CHOICE_PART, key))) || (answeringNow !== null && choicePart(answeringNow, REASONING_PART, key)) || (spokenNow !== null && spokenNow.includes(key));
  }
  if (endpoint === 'responses') {
    const type = typeof data.type === 'string' ? data.type : event;
    const oi = String(data.output_index ?? 0);
    if (RESPONSES_PART_ENDS.has(type ?? '')) {
      const k = `o${oi}.${String(data.content_index ?? 0)}`;
      return (key) => key === k;
    }
    if (type === 'response.reasoning_summary_text.done' || type === 'response.reasoning_summary_part.done') {
      const k = summaryKey(data);
      return (key) => key === k;
    }
    if (type === 'response.audio.transcript.done') return (key) => key === 'a';
    if (type === 'response.shell_call_command.done') {
      const k = commandKey(data);
      return (key) => key === k;
    }
    if (type === 'response.apply_patch_call_operation_diff.done') return (key) => key === `o${oi}.p`;
    if (type === 'response.output_item.done') return (key) => key.startsWith(`o${oi}.`);
    if (type === 'response.completed' || type === 'response.incomplete' || type === 'response.failed' || type === 'error') return 'all';
    return null;
  }
  if (endpoint === 'messages') {
    if (data.type === 'content_block_stop') {
      const k = `b${String(data.index ?? 0)}`;
      return (key) => key === k;
    }
    if (data.type === 'message_delta' || data.type === 'message_stop' || data.type === 'error') return 'all';
  }
  return null;
}

/** A chat choice's one-letter fields (see CHOICE_PART), as the delta that carries their text. */
const CHAT_FIELDS: Record<string, (text: string) => Json> = {
  r: (text) => ({ reasoning_content: text }),
  R: (text) => ({ reasoning: text }),
  T: (text) => ({ content: [{ type: 'thinking', thinking: [{ type: 'text', text }] }] }),
  f: (text) => ({ refusal: text }),
  a: (text) => ({ audio: { transcript: text } }),
  F: (text) => ({ function_call: { arguments: text } }),
};

/** The delta of a chat choice that carries `text` for one of its fields (a match of fieldEvent's key pattern). */
function chatFieldDelta(m: RegExpExecArray | null, text: string): Json {
  if (m?.[2] === 't') return { tool_calls: [{ index: Number(m[3]), function: { arguments: text } }] };
  if (m?.[2] === 'u') return { tool_calls: [{ index: Number(m[3]), type: 'custom', custom: { input: text } }] };
  if (m?.[4] === 'd') return { reasoning_details: [{ type: 'reasoning.text', text, index: Number(m[5]) }] };
  if (m?.[4] === 's') return { reasoning_details: [{ type: 'reasoning.summary', summary: text, index: Number(m[5]) }] };
  const field = m?.[6];
  return field ? CHAT_FIELDS[field]!(text) : { content: text };
}

/**
 * An event that carries `text` for the streamed field `key` alone, modelled on `data` (an event with
 * a piece of that field): what the gateway sends when it releases text it held back.
 */
export function fieldEvent(endpoint: GatewayEndpoint, data: Json, key: string, text: string): Json {
  if (endpoint === 'chat') {
    const m = /^c(\d+)(?:([tu])(\d+)|([ds])(\d+)|([rRTfaF]))?$/.exec(key);
    const index = Number(m?.[1] ?? 0);
    const delta = chatFieldDelta(m, text);
    const { choices: _choices, usage: _usage, ...rest } = data;
    return { ...rest, choices: [{ index, delta, finish_reason: null }] };
  }
  if (endpoint === 'messages' && isObj(data.delta)) {
    const field = data.delta.type === 'input_json_delta' ? 'partial_json' : 'text';
    return { ...data, delta: { ...data.delta, [field]: text } };
  }
  // Responses: the event's sequence number and log probabilities belong to the event it is modelled
  // on (a resumed stream skips numbers it has seen).
  const { sequence_number: _seq, logprobs: _logprobs, ...rest } = data;
  return { ...rest, delta: text };
}

/**
 * Empties the token log probabilities of an answer or event whose text was masked: they list the
 * answer's tokens one by one, a copy of what the mask replaced. Only where the APIs put them: a chat
 * choice's `logprobs` (null), a Responses event's and output text part's `logprobs` ([]); Anthropic
 * has none.
 */
export function dropLogprobs(endpoint: GatewayEndpoint, data: Json): void {
  if (endpoint === 'chat') {
    for (const c of arr(data.choices)) if (isObj(c) && c.logprobs != null) c.logprobs = null;
  } else if (endpoint === 'responses') {
    const parts = (item: unknown) => {
      if (isObj(item)) for (const part of arr(item.content)) if (isObj(part) && Array.isArray(part.logprobs)) part.logprobs = [];
    };
    if (Array.isArray(data.logprobs)) data.logprobs = [];
    if (isObj(data.part) && Array.isArray(data.part.logprobs)) data.part.logprobs = [];
    parts(data.item);
    const output = isObj(data.response) ? data.response.output : data.output;
    for (const item of arr(output)) parts(item);
  }
}

export interface Usage {
  input: number;
  output: number;
}

/** Token usage where the API reports it (a whole answer, or one streamed event); null when absent. */
export function usageOf(endpoint: GatewayEndpoint, data: Json): Usage | null {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  let u: unknown = data.usage;
  if (endpoint === 'responses' && isObj(data.response)) u = data.response.usage;
  if (endpoint === 'messages' && data.type === 'message_start' && isObj(data.message)) u = data.message.usage;
  if (!isObj(u)) return null;
  if (endpoint === 'messages') return { input: num(u.input_tokens) + num(u.cache_creation_input_tokens) + num(u.cache_read_input_tokens), output: num(u.output_tokens) };
  if (endpoint === 'chat') return { input: num(u.prompt_tokens), output: num(u.completion_tokens) };
  if (endpoint === 'embeddings') return { input: num(u.prompt_tokens), output: 0 };
  return { input: num(u.input_tokens), output: num(u.output_tokens) };
}

export type ErrorKind = 'invalid_request' | 'authentication' | 'permission' | 'not_found' | 'too_large' | 'rate_limit' | 'timeout' | 'upstream' | 'unavailable';

const OPENAI_TYPES: Record<ErrorKind, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  too_large: 'invalid_request_error',
  rate_limit: 'rate_limit_error',
  timeout: 'timeout_error',
  upstream: 'api_error',
  unavailable: 'api_error',
};
const ANTHROPIC_TYPES: Record<ErrorKind, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  too_large: 'request_too_large',
  rate_limit: 'rate_limit_error',
  timeout: 'timeout_error',
  upstream: 'api_error',
  unavailable: 'overloaded_error',
};

/** The API's own error body: OpenAI `{error:{message,type,param,code}}`, Anthropic `{type:'error',error:{type,message}}`. */
export function errorBody(dialect: GatewayDialect, kind: ErrorKind, message: string, code: string): Json {
  if (dialect === 'openai') return { error: { message, type: OPENAI_TYPES[kind], param: null, code } };
  return { type: 'error', error: { type: ANTHROPIC_TYPES[kind], message } };
}

/** The event that ends a stream the gateway stops (a block mid-answer), which the SDKs raise as an error. */
export function streamErrorEvent(endpoint: GatewayEndpoint, message: string, code: string): string {
  if (endpoint === 'messages') return `event: error\ndata: ${JSON.stringify(errorBody('anthropic', 'permission', message, code))}\n\n`;
  if (endpoint === 'responses') {
    const e = errorBody('openai', 'permission', message, code);
    return `event: error\ndata: ${JSON.stringify({ type: 'error', code, message, param: null, ...e })}\n\n`;
  }
  return `data: ${JSON.stringify(errorBody('openai', 'permission', message, code))}\n\n`;
}

export const ERROR_KIND_BY_STATUS = (status: number): ErrorKind =>
  status === 401 ? 'authentication' : status === 403 ? 'permission' : status === 404 ? 'not_found' : status === 413 ? 'too_large' : status === 429 ? 'rate_limit' : status === 408 ? 'timeout' : status === 503 ? 'unavailable' : status < 500 ? 'invalid_request' : 'upstream';
