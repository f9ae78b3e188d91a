declare const model: string;
export default model;
