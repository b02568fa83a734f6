// What `fevm node` listens on unless told otherwise: read when the task is declared, so kept apart
// from the server (which loads the JSON-RPC stack) to keep plugin start-up light.
export const DEFAULT_HOSTNAME = "127.0.0.1";
export const DEFAULT_PORT = 8545;
/** Largest HTTP body or WebSocket message accepted (16 MiB): far above any real request. */
export const DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;
