// Tasks under the `fevm` scope and the offline-compile subtask.
import { registerOfflineCompile } from "./compile-offline";
import "./address";
import "./node";

registerOfflineCompile();
