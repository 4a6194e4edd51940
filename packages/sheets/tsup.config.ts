import { nodePackage } from "../../tsup.node.js"

export default nodePackage(["src/index.ts"])
