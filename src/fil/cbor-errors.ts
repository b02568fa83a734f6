/** Untrusted CBOR that cannot be decoded (or does not have the expected shape). Actors answer it with USR_SERIALIZATION (21). */
export class CborDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CborDecodeError";
  }
}

/** A value our own code asked to encode that Filecoin's DAG-CBOR cannot represent (a bug in the caller). */
export class CborEncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CborEncodeError";
  }
}
