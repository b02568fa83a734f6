import { scope } from "hardhat/config";
import { HardhatPluginError } from "hardhat/plugins";
import { addressFormLines, addressForms } from "../src/helpers/address";
import { ErrorCode } from "../src/provider/errors";
import { filecoinProvider } from "./filecoin-provider";

const PLUGIN_NAME = "hardhat-fevm";

scope("fevm", "Filecoin local network (hardhat-fevm)")
  .task("address", "Prints every form of an address: 0x, t410/t0, masked id, actor id, raw bytes")
  .addPositionalParam("address", "0x…, t…/f… address, or an actor id (e.g. 1001)")
  .setAction(async ({ address }: { address: string }, hre) => {
    const provider = await filecoinProvider(hre, "fevm address");
    // Actor ids travel as decimal strings: fevm_address reads them (length-checked) as ids.
    const forms = await addressForms(provider, address).catch((e: { code?: unknown; message?: string }) => {
      if (e?.code !== ErrorCode.InvalidParams) throw e;
      throw new HardhatPluginError(PLUGIN_NAME, `fevm address: ${e.message}. Give a 0x…, t…/f… address or an actor id such as 1001.`);
    });
    for (const line of addressFormLines(forms)) console.log(line);
  });
