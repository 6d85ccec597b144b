/**
 * The compiled contracts' events and selectors against the spec's tables (protocol.md §3, §4.4,
 * §4.5, §5). Static: reads the generated ABIs, no chain needed.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { toEventSelector, toFunctionSelector, type Abi, type AbiEvent, type AbiFunction, type Hex } from 'viem'
import {
  bondingManagerAbi,
  controllerAbi,
  livepeerTokenAbi,
  minterAbi,
  roundsManagerAbi,
  serviceRegistryAbi,
  ticketBrokerAbi,
} from '../../src/abi/generated/index.ts'

const managerEvents: [string, Hex][] = [
  ['ParameterUpdate(string param)', '0x9f5033568d78ae30f29f01e944f97b2216493bd19d1b46d429673acff3dcd674'],
  ['SetController(address controller)', '0x4ff638452bbf33c012645d18ae6f05515ff5f2d1dfb0cece8cbf018c60903f70'],
]

/** Spec §3: exact signature (names and `indexed`) → topic0, per contract. */
const spec: Record<string, { abi: Abi; events: [string, Hex][] }> = {
  BondingManager: {
    abi: bondingManagerAbi,
    events: [
      ['Bond(address indexed newDelegate, address indexed oldDelegate, address indexed delegator, uint256 additionalAmount, uint256 bondedAmount)', '0xe5917769f276ddca9f2ee7c6b0b33e1d1e1b61008010ce622c632dd20d168a23'],
      ['Unbond(address indexed delegate, address indexed delegator, uint256 unbondingLockId, uint256 amount, uint256 withdrawRound)', '0x2d5d98d189bee5496a08db2a5948cb7e5e786f09d17d0c3f228eb41776c24a06'],
      ['Rebond(address indexed delegate, address indexed delegator, uint256 unbondingLockId, uint256 amount)', '0x9f5b64cc71e1e26ff178caaa7877a04d8ce66fde989251870e80e6fbee690c17'],
      ['TransferBond(address indexed oldDelegator, address indexed newDelegator, uint256 oldUnbondingLockId, uint256 newUnbondingLockId, uint256 amount)', '0xf136b986590e86cf1abd7b6600186a7a1178ad3cbbdf0f3312e79f6214a2a567'],
      ['WithdrawStake(address indexed delegator, uint256 unbondingLockId, uint256 amount, uint256 withdrawRound)', '0x1340f1a8f3d456a649e1a12071dfa15655e3d09252131d0f980c3b405cc8dd2e'],
      ['WithdrawFees(address indexed delegator, address recipient, uint256 amount)', '0x4f1b51dd7a2fcb861aa2670f668be66835c4ee12b4bbbf037e4d0018f39819e4'],
      ['EarningsClaimed(address indexed delegate, address indexed delegator, uint256 rewards, uint256 fees, uint256 startRound, uint256 endRound)', '0xd7eab0765b772ea6ea859d5633baf737502198012e930f257f90013d9b211094'],
      ['Reward(address indexed transcoder, uint256 amount)', '0x619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc9'],
      ['TreasuryReward(address indexed transcoder, address treasury, uint256 amount)', '0x40e200718fe552021167687e5491d09f5931275b6f88f14a462650f0effb5237'],
      ['TranscoderUpdate(address indexed transcoder, uint256 rewardCut, uint256 feeShare)', '0x7346854431dbb3eb8e373c604abf89e90f4865b8447e1e2834d7b3e4677bf544'],
      ['TranscoderActivated(address indexed transcoder, uint256 activationRound)', '0x65d72d782835d64c3287844a829608d5abdc7e864cc9affe96d910ab3db665e9'],
      ['TranscoderDeactivated(address indexed transcoder, uint256 deactivationRound)', '0xfee3e693fc72d0a0a673805f3e606c551f4c677b9072444b90dd2d0406bc995c'],
      ['TranscoderSlashed(address indexed transcoder, address finder, uint256 penalty, uint256 finderReward)', '0xf4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c22'],
      ['RewardCallerSet(address indexed transcoder, address indexed rewardCaller)', '0x15932b87747cac36d3c505e86a946c6d3a79d9d7bdb79d81584d32bbe54516c2'],
      ...managerEvents,
    ],
  },
  RoundsManager: {
    abi: roundsManagerAbi,
    events: [['NewRound(uint256 indexed round, bytes32 blockHash)', '0x22f2fc17c5daf07db2379b3a03a8ef20a183f761097a58fce219c8a14619e786'], ...managerEvents],
  },
  Minter: {
    abi: minterAbi,
    events: [
      ['SetCurrentRewardTokens(uint256 currentMintableTokens, uint256 currentInflation)', '0x39567a366345edf17f50c1967a31b597745186c4632f34c4f8ebe06b6890784d'],
      ...managerEvents,
    ],
  },
  TicketBroker: {
    abi: ticketBrokerAbi,
    events: [
      ['DepositFunded(address indexed sender, uint256 amount)', '0x5159e237d952190e68d5215430f305831be7c9c8776d1377c76679ae4773413f'],
      ['ReserveFunded(address indexed reserveHolder, uint256 amount)', '0xb52b99b9e83551fcbd069b559cc3e823e2a1a3bad8ece46561ea77524394c850'],
      ['ReserveClaimed(address indexed reserveHolder, address claimant, uint256 amount)', '0x5c2b394723f408a40a60335e24b71829642e35f350cebe2036a96a66e895ea98'],
      ['WinningTicketRedeemed(address indexed sender, address indexed recipient, uint256 faceValue, uint256 winProb, uint256 senderNonce, uint256 recipientRand, bytes auxData)', '0xc389eb51ed006dbf2528507f010efdf5225ea596e1e1741d74f550dab1925ee7'],
      ['WinningTicketTransfer(address indexed sender, address indexed recipient, uint256 amount)', '0x8b87351a208c06e3ceee59d80725fd77a23b4129e1b51ca231fc89b40712649c'],
      ['Unlock(address indexed sender, uint256 startRound, uint256 endRound)', '0xf7870c5b224cbc19873599e46ccfc7103934650509b1af0c3ce90138377c2004'],
      ['UnlockCancelled(address indexed sender)', '0xfa044b7b93a40365dc68049797c2eb06918523d694e5d56e406cac3eb35578e5'],
      ['Withdrawal(address indexed sender, uint256 deposit, uint256 reserve)', '0xdf273cb619d95419a9cd0ec88123a0538c85064229baa6363788f743fff90deb'],
      ...managerEvents,
    ],
  },
  ServiceRegistry: {
    abi: serviceRegistryAbi,
    events: [['ServiceURIUpdate(address indexed addr, string serviceURI)', '0xfbb63068732c85741c9f8e61caffaabe038d577bfafd2d2dcc0e352a4f653a4c'], ...managerEvents],
  },
  LivepeerToken: {
    abi: livepeerTokenAbi,
    events: [
      ['Transfer(address indexed from, address indexed to, uint256 value)', '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef'],
      ['Approval(address indexed owner, address indexed spender, uint256 value)', '0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925'],
      ['Mint(address indexed to, uint256 amount)', '0x0f6798a560793a54c3bcfe86a93cde1e73087d944c0ea20544137d4121396885'],
      ['Burn(address indexed burner, uint256 amount)', '0xcc16f5dbb4873280815c1ee09dbd06736cffcc184412cf7a71a0fdb75d397ca5'],
      ['RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)', '0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d'],
      ['RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)', '0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b'],
      ['RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)', '0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff'],
    ],
  },
  Controller: {
    abi: controllerAbi,
    events: [
      ['SetContractInfo(bytes32 id, address contractAddress, bytes20 gitCommitHash)', '0xf9a6cf519167d81bc5cb3d26c60c0c9a19704aa908c148e82a861b570f4cd2d7'],
      ['Pause()', '0x6985a02210a168e66602d3235cb6db0e70f92b3ba4d376a33c0f3d9434bff625'],
      ['Unpause()', '0x7805862f689e2f13df9f062ff482ad3ad112aca9e0847911ed832e158c525b33'],
      ['OwnershipTransferred(address indexed previousOwner, address indexed newOwner)', '0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0'],
    ],
  },
}

/** Spec §4.4, §4.5, §5: function signature → selector, per contract. */
const selectors: Record<string, { abi: Abi; functions: [string, Hex][] }> = {
  BondingManager: {
    abi: bondingManagerAbi,
    functions: [
      ['bond(uint256,address)', '0xb78d27dc'],
      ['bondWithHint(uint256,address,address,address,address,address)', '0x6bd9add4'],
      ['bondForWithHint(uint256,address,address,address,address,address,address)', '0xee4e804a'],
      ['unbond(uint256)', '0x27de9e32'],
      ['unbondWithHint(uint256,address,address)', '0x9500ed9b'],
      ['rebond(uint256)', '0xeaffb3f9'],
      ['rebondWithHint(uint256,address,address)', '0x7fc4606f'],
      ['rebondFromUnbonded(address,uint256)', '0x3a080e93'],
      ['rebondFromUnbondedWithHint(address,uint256,address,address)', '0x0584a373'],
      ['transferBond(address,uint256,address,address,address,address)', '0x062e98b8'],
      ['withdrawStake(uint256)', '0x25d5971f'],
      ['withdrawFees(address,uint256)', '0xad3b1b47'],
      ['reward()', '0x228cb733'],
      ['rewardWithHint(address,address)', '0x81871056'],
      ['transcoder(uint256,uint256)', '0x43d3461a'],
      ['transcoderWithHint(uint256,uint256,address,address)', '0x3550aa10'],
      ['claimEarnings(uint256)', '0x24b1babf'],
      ['checkpointBondingState(address)', '0xd52bd62b'],
      ['pendingStake(address,uint256)', '0x9d0b2c7a'],
      ['pendingFees(address,uint256)', '0xf595f1cc'],
      ['getDelegator(address)', '0xa64ad595'],
      ['getTranscoder(address)', '0x5dce9948'],
      ['getTranscoderEarningsPoolForRound(address,uint256)', '0x24454fc4'],
      ['getDelegatorUnbondingLock(address,uint256)', '0x412f83b6'],
      ['getTranscoderPoolSize()', '0x2a4e0d55'],
      ['getTranscoderPoolMaxSize()', '0x5a2a75a9'],
      ['getFirstTranscoderInPool()', '0x88a6c749'],
      ['getNextTranscoderInPool(address)', '0x235c9603'],
      ['getTotalBonded()', '0x5c50c356'],
      ['isActiveTranscoder(address)', '0x08802374'],
      ['updateTranscoderWithFees(address,uint256,uint256)', '0x3aeb512c'],
      ['setRewardCaller(address)', '0x0103e60e'],
      ['rewardForTranscoder(address)', '0x1a8c41f8'],
      ['rewardForTranscoderWithHint(address,address,address)', '0xb556966a'],
    ],
  },
  RoundsManager: {
    abi: roundsManagerAbi,
    functions: [
      ['initializeRound()', '0xd4807fb2'],
      ['currentRound()', '0x8a19c8bc'],
      ['blockHashForRound(uint256)', '0x3aa4add4'],
      ['lastInitializedRound()', '0x8807f36e'],
      ['roundLength()', '0x8b649b94'],
      ['currentRoundStartBlock()', '0x8fa148f2'],
      ['currentRoundInitialized()', '0x219bc76c'],
      ['currentRoundLocked()', '0x6841f253'],
      ['blockNum()', '0x8ae63d6d'],
    ],
  },
  Minter: {
    abi: minterAbi,
    functions: [
      ['getGlobalTotalSupply()', '0x5507442d'],
      ['setCurrentRewardTokens()', '0xece2064c'],
    ],
  },
  Controller: { abi: controllerAbi, functions: [['getContract(bytes32)', '0xe16c7d98']] },
  TicketBroker: {
    abi: ticketBrokerAbi,
    functions: [
      ['getSenderInfo(address)', '0xe1a589da'],
      ['claimedReserve(address,address)', '0x4ac826da'],
      ['claimableReserve(address,address)', '0x81779f38'],
      ['redeemWinningTicket((address,address,uint256,uint256,uint256,bytes32,bytes),bytes,uint256)', '0xec8b3cb6'],
      ['batchRedeemWinningTickets((address,address,uint256,uint256,uint256,bytes32,bytes)[],bytes[],uint256[])', '0xd01b808e'],
      ['fundDeposit()', '0x6caa736b'],
      ['fundReserve()', '0x6f9c3c8f'],
      ['fundDepositAndReserve(uint256,uint256)', '0x511f4073'],
      ['fundDepositAndReserveFor(address,uint256,uint256)', '0x989f789c'],
      ['unlock()', '0xa69df4b5'],
      ['cancelUnlock()', '0xc2c4c2c8'],
      ['withdraw()', '0x3ccfd60b'],
    ],
  },
  ServiceRegistry: {
    abi: serviceRegistryAbi,
    functions: [
      ['setServiceURI(string)', '0x5f11301b'],
      ['getServiceURI(address)', '0x214c2a4b'],
    ],
  },
}

/** `Name(type indexed name, …)`, the spec's notation, from an ABI event. */
function describeEvent(event: AbiEvent): string {
  const params = event.inputs.map((input) => `${input.type}${input.indexed ? ' indexed' : ''} ${input.name}`)
  return `${event.name}(${params.join(', ')})`
}

/** `name(type,…)` with tuples spelled out, from an ABI function. */
function describeFunction(fn: AbiFunction): string {
  const type = (param: AbiFunction['inputs'][number]): string =>
    'components' in param && param.components
      ? `(${param.components.map(type).join(',')})${param.type.slice('tuple'.length)}`
      : param.type
  return `${fn.name}(${fn.inputs.map(type).join(',')})`
}

describe('event catalogue (spec §3)', () => {
  for (const [contract, { abi, events }] of Object.entries(spec)) {
    test(`behavior: ${contract} declares exactly the spec events, with the spec names, indexed flags and topic0`, () => {
      const abiEvents = abi.filter((item): item is AbiEvent => item.type === 'event')
      assert.deepEqual(abiEvents.map(describeEvent).sort(), events.map(([signature]) => signature).sort())
      for (const [signature, topic0] of events) {
        const event = abiEvents.find((item) => describeEvent(item) === signature)!
        assert.equal(toEventSelector(event), topic0, signature)
      }
    })
  }
})

describe('function selectors (spec §4.4, §4.5, §5)', () => {
  for (const [contract, { abi, functions }] of Object.entries(selectors)) {
    test(`behavior: ${contract} exposes the spec functions with the spec selectors`, () => {
      const abiFunctions = abi.filter((item): item is AbiFunction => item.type === 'function')
      for (const [signature, selector] of functions) {
        const fn = abiFunctions.find((item) => describeFunction(item) === signature)
        assert.ok(fn, `${contract} lacks ${signature}`)
        assert.equal(toFunctionSelector(fn), selector, signature)
      }
    })
  }

  test('behavior: view outputs keep the spec field order', () => {
    const outputs = (abi: Abi, name: string) =>
      (abi.find((item) => item.type === 'function' && item.name === name) as AbiFunction).outputs.map((output) => output.name)
    assert.deepEqual(outputs(bondingManagerAbi, 'getDelegator'), ['bondedAmount', 'fees', 'delegateAddress', 'delegatedAmount', 'startRound', 'lastClaimRound', 'nextUnbondingLockId'])
    assert.deepEqual(outputs(bondingManagerAbi, 'getTranscoder'), [
      'lastRewardRound',
      'rewardCut',
      'feeShare',
      'lastActiveStakeUpdateRound',
      'activationRound',
      'deactivationRound',
      'activeCumulativeRewards',
      'cumulativeRewards',
      'cumulativeFees',
      'lastFeeRound',
    ])
    assert.deepEqual(outputs(bondingManagerAbi, 'getTranscoderEarningsPoolForRound'), ['totalStake', 'transcoderRewardCut', 'transcoderFeeShare', 'cumulativeRewardFactor', 'cumulativeFeeFactor'])
    const senderInfo = ticketBrokerAbi.find((item) => item.type === 'function' && item.name === 'getSenderInfo') as AbiFunction
    assert.deepEqual(
      senderInfo.outputs.map((output) => [output.name, 'components' in output ? output.components?.map((c) => c.name) : []]),
      [
        ['sender', ['deposit', 'withdrawRound']],
        ['reserve', ['fundsRemaining', 'claimedInCurrentRound']],
      ],
    )
  })
})
