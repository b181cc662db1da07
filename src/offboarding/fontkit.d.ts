// fontkit ships no types; pdfkit depends on it and accepts its parsed fonts (registerFont).
declare module "fontkit" {
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
