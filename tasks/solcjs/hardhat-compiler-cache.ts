import { CompilerDownloader, CompilerPlatform } from "hardhat/internal/solidity/compiler/downloader";

/**
 * Whether Hardhat's get-build subtask can answer for `version` from its compilers cache alone,
 * without any network access. Reads only the cached list.json files and binaries, as Hardhat
 * does before it decides to download.
 */
export async function isInHardhatCompilerCache(compilersDir: string, version: string): Promise<boolean> {
  const native = CompilerDownloader.getConcurrencySafeDownloader(CompilerDownloader.getCompilerPlatform(), compilersDir);
  if (!(await native.isCompilerDownloaded(version))) return false;
  if ((await native.getCompiler(version)) !== undefined) return true;
  // The native binary failed Hardhat's self-check (e.g. an amd64 build on arm64): Hardhat then
  // uses its WASM build, which may need a download of its own.
  const wasm = CompilerDownloader.getConcurrencySafeDownloader(CompilerPlatform.WASM, compilersDir);
  return wasm.isCompilerDownloaded(version);
}
