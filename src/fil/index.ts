/** Filecoin primitives: addresses, CBOR, CIDs and piece CIDs, token amounts, method numbers, exit codes. */
export * from "./address";
export * from "./address-errors";
export * from "./address-input";
export * from "./address-string";
export * from "./eth-address";
export * from "./bigint-bytes";
export * from "./token";
export * from "./cbor";
export * from "./cbor-errors";
export * from "./cbor-shape";
export * from "./cid";
export * from "./rle-plus";
export * from "./commp";
export * from "./piece-cid";
export * from "./method-numbers";
export * from "./exit-codes";
export { bytesToHex, decodeHex } from "./bytes";
export { MAX_U64 } from "./uvarint";
