import { scope } from "hardhat/config";
import { addressForms } from "../src/helpers/address";
import { filecoinProvider } from "./filecoin-provider";

scope("fevm", "Filecoin local network (hardhat-fevm)")
  .task("address", "Prints every form of an address: 0x, t410/t0, masked id, actor id, raw bytes")
  .addPositionalParam("address", "0x…, t…/f… address, or an actor id (e.g. 1001)")
  .setAction(async ({ address }: { address: string }, hre) => {
    const input = /^\d+$/.test(address) ? BigInt(address) : address;
    const forms = await addressForms(await filecoinProvider(hre, "fevm address"), input);
    const rows: [string, string | null][] = [
      ["Filecoin", forms.filecoin],
      ["Ethereum (0x)", forms.eth],
      ["actor id", forms.id],
      ["id address", forms.idAddress],
      ["masked id", forms.maskedId],
      ["robust address", forms.robust],
      ["actor kind", forms.kind],
      ["bytes (FilAddress.data)", forms.bytes],
    ];
    for (const [label, value] of rows) console.log(`${label.padEnd(24)} ${value ?? "(none on this network)"}`);
  });
