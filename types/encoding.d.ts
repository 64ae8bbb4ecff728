// The WHATWG Encoding API's decoder, which browsers, workers and Node all provide: the only platform
// API the ingest uses (tsconfig.ingest.json gives it neither DOM nor Node types).
interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}
