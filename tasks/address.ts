import { scope } from "hardhat/config";
import { addressFormLines, addressForms, parseAddressArgument } from "../src/helpers/address";
import { filecoinProvider } from "./filecoin-provider";

scope("fevm", "Filecoin local network (hardhat-fevm)")
  .task("address", "Prints every form of an address: 0x, t410/t0, masked id, actor id, raw bytes")
  .addPositionalParam("address", "0x…, t…/f… address, or an actor id (e.g. 1001)")
  .setAction(async ({ address }: { address: string }, hre) => {
    const forms = await addressForms(await filecoinProvider(hre, "fevm address"), parseAddressArgument(address));
    for (const line of addressFormLines(forms)) console.log(line);
  });
