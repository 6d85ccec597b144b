// chain: what the reference nodes need from the devnet: a signing client per node, cached round
// and sender state, fast EIP-191 signatures.
export { createChainView, type ChainView, type CreateChainViewParameters, type RoundState, type SenderFunds } from './createChainView.ts'
export { createNodeChain, type CreateNodeChainParameters, type NodeChain } from './createNodeChain.ts'
export { createSignerRecovery, signDigest, signPrefixed, signText, type SignerRecovery } from './signatures.ts'
export { keccakBytes } from './keccakBytes.ts'
export { fundDevnetAccount, type FundDevnetAccountParameters } from './fundDevnetAccount.ts'
