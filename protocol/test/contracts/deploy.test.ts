import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { encodeFunctionData, getAddress, keccak256, toHex, zeroAddress, type Address, type Hex } from 'viem'
import {
  bondingManagerAbi,
  controllerAbi,
  livepeerTokenAbi,
  minterAbi,
  multicall3Abi,
  roundsManagerAbi,
  serviceRegistryAbi,
  ticketBrokerAbi,
  treasuryAbi,
} from '../../src/abi/generated/index.ts'
import { createDevnetClient, startAnvil, type Anvil } from '../../src/anvil/index.ts'
import { ArtifactNotFoundError, readArtifact } from '../../src/artifacts.ts'
import { DeployProtocolError, deployProtocol, devnetParameters } from '../../src/deploy/index.ts'
import { multicall3Address, protocolContractNames } from '../../src/presets/contractNames.ts'
import { accounts, assertRevert, deployer, eventNames, ONE, setupDevnet, type Devnet } from './setup.ts'

const id = (name: string) => keccak256(toHex(name))

describe('deployProtocol', () => {
  let devnet: Devnet
  before(async () => {
    devnet = await setupDevnet()
  })
  after(() => devnet?.stop())

  test('behavior: registers every contract, the JobsManager alias and the Target ids in the Controller', async () => {
    const { c, read } = devnet
    const expected: [string, Address][] = [
      ['LivepeerToken', c.LivepeerToken],
      ['Minter', c.Minter],
      ['BondingManager', c.BondingManager],
      ['RoundsManager', c.RoundsManager],
      ['TicketBroker', c.TicketBroker],
      ['JobsManager', c.TicketBroker],
      ['ServiceRegistry', c.ServiceRegistry],
      ['Treasury', c.Treasury],
      ['BondingManagerTarget', c.BondingManager],
      ['RoundsManagerTarget', c.RoundsManager],
      ['TicketBrokerTarget', c.TicketBroker],
      ['ServiceRegistryTarget', c.ServiceRegistry],
      ['Verifier', zeroAddress],
      ['AIServiceRegistry', zeroAddress],
    ]
    for (const [name, address] of expected) {
      assert.equal(await read(c.Controller, controllerAbi, 'getContract', [id(name)]), getAddress(address), name)
    }
    assert.equal(await read(c.Controller, controllerAbi, 'owner'), getAddress(deployer))
    assert.equal(await read(c.Controller, controllerAbi, 'paused'), false)
    assert.notEqual(c.AIServiceRegistry, c.ServiceRegistry)
  })

  test('behavior: applies the parameters and leaves rounds uninitialized with currentRound ≥ 1', async () => {
    const { c, read, readBm, parameters } = devnet
    assert.equal(await readBm('unbondingPeriod'), parameters.unbondingPeriod)
    assert.equal(await readBm('getTranscoderPoolMaxSize'), parameters.numActiveTranscoders)
    assert.equal(await readBm('nextRoundTreasuryRewardCutRate'), parameters.treasuryRewardCutRate)
    assert.equal(await readBm('treasuryRewardCutRate'), 0n)
    assert.equal(await readBm('treasuryBalanceCeiling'), parameters.treasuryBalanceCeiling)
    assert.equal(await read(c.RoundsManager, roundsManagerAbi, 'roundLength'), parameters.roundLength)
    assert.equal(await read(c.RoundsManager, roundsManagerAbi, 'roundLockAmount'), parameters.roundLockAmount)
    assert.equal(await read(c.Minter, minterAbi, 'inflation'), parameters.inflation)
    assert.equal(await read(c.Minter, minterAbi, 'inflationChange'), parameters.inflationChange)
    assert.equal(await read(c.Minter, minterAbi, 'targetBondingRate'), parameters.targetBondingRate)
    assert.equal(await read(c.TicketBroker, ticketBrokerAbi, 'unlockPeriod'), parameters.unlockPeriod)
    assert.equal(await read(c.TicketBroker, ticketBrokerAbi, 'ticketValidityPeriod'), parameters.ticketValidityPeriod)
    const round = await devnet.currentRound()
    assert.ok(round >= 1n)
    assert.equal(await read(c.RoundsManager, roundsManagerAbi, 'lastInitializedRound'), 0n)
    assert.equal(await read(c.RoundsManager, roundsManagerAbi, 'currentRoundInitialized'), false)
    const block = await devnet.client.getBlockNumber({ cacheTime: 0 })
    assert.equal(round, block / parameters.roundLength)
    for (const name of protocolContractNames) assert.ok(devnet.deployment.contracts[name].startBlock > 0, name)
  })

  test('behavior: initialize can only run once', async () => {
    const { c, send } = devnet
    await assertRevert(send(accounts.alice, { address: c.BondingManager, abi: bondingManagerAbi, functionName: 'initialize', args: [c.Controller, 1n, 200n, 0n, 0n] }), 'already initialized')
    await assertRevert(send(accounts.alice, { address: c.Controller, abi: controllerAbi, functionName: 'initialize', args: [accounts.alice] }), 'already initialized')
    await assertRevert(send(accounts.alice, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'initialize', args: [accounts.alice] }), 'already initialized')
  })

  test('behavior: owner setters emit ParameterUpdate and are owner-only', async () => {
    const { c, send, snapshot, revert } = devnet
    const snap = await snapshot()
    await assertRevert(send(accounts.alice, { address: c.BondingManager, abi: bondingManagerAbi, functionName: 'setUnbondingPeriod', args: [3n] }), 'caller must be Controller owner')
    const cases: [Address, typeof bondingManagerAbi | typeof roundsManagerAbi | typeof minterAbi | typeof ticketBrokerAbi, string, bigint, string][] = [
      [c.BondingManager, bondingManagerAbi, 'setUnbondingPeriod', 3n, 'unbondingPeriod'],
      [c.BondingManager, bondingManagerAbi, 'setNumActiveTranscoders', 20n, 'numActiveTranscoders'],
      [c.BondingManager, bondingManagerAbi, 'setTreasuryRewardCutRate', 0n, 'nextRoundTreasuryRewardCutRate'],
      [c.BondingManager, bondingManagerAbi, 'setTreasuryBalanceCeiling', 1n, 'treasuryBalanceCeiling'],
      [c.RoundsManager, roundsManagerAbi, 'setRoundLength', 50n, 'roundLength'],
      [c.RoundsManager, roundsManagerAbi, 'setRoundLockAmount', 50_000n, 'roundLockAmount'],
      [c.Minter, minterAbi, 'setTargetBondingRate', 400_000_000n, 'targetBondingRate'],
      [c.Minter, minterAbi, 'setInflationChange', 1_000n, 'inflationChange'],
      [c.TicketBroker, ticketBrokerAbi, 'setUnlockPeriod', 3n, 'unlockPeriod'],
      [c.TicketBroker, ticketBrokerAbi, 'setTicketValidityPeriod', 3n, 'ticketValidityPeriod'],
    ]
    for (const [address, abi, functionName, value, param] of cases) {
      const { logs } = await send(deployer, { address, abi, functionName, args: [value] })
      assert.deepEqual(logs.map((log) => log.args.param), [param], functionName)
    }
    await revert(snap)
  })

  test('behavior: initializeRound emits [ParameterUpdate(treasuryRewardCutRate)] → SetCurrentRewardTokens → NewRound', async () => {
    const { c, read, snapshot, revert } = devnet
    const snap = await snapshot()
    const first = await devnet.nextRound()
    assert.deepEqual(eventNames(first.logs), ['BondingManager.ParameterUpdate', 'Minter.SetCurrentRewardTokens', 'RoundsManager.NewRound'])
    assert.equal(first.logs[0]!.args.param, 'treasuryRewardCutRate')
    assert.equal(first.logs[2]!.args.round, first.round)
    const stored = await read(c.RoundsManager, roundsManagerAbi, 'blockHashForRound', [first.round])
    assert.equal(first.logs[2]!.args.blockHash, stored)
    const second = await devnet.nextRound()
    assert.deepEqual(eventNames(second.logs), ['Minter.SetCurrentRewardTokens', 'RoundsManager.NewRound'])
    await assertRevert(devnet.send(deployer, { address: c.RoundsManager, abi: roundsManagerAbi, functionName: 'initializeRound' }), 'round already initialized')
    await revert(snap)
  })

  test('behavior: inflation steps towards the target bonding rate (§7)', async () => {
    const { c, read, snapshot, revert, parameters } = devnet
    const snap = await snapshot()
    // Nothing bonded: bonding rate 0 < target, inflation rises by inflationChange.
    await devnet.fundLpt(accounts.alice, 1_000n * ONE)
    const r1 = await devnet.nextRound()
    const inflation1 = parameters.inflation + parameters.inflationChange
    const supply = 1_000n * ONE
    assert.deepEqual(r1.logs[1]!.args, { currentMintableTokens: (supply * inflation1) / 10n ** 9n, currentInflation: inflation1 })
    // Bond 80 % of the supply to a transcoder: it is in the pool, so the next round's active stake
    // (rolled before the Minter runs) is above target and inflation falls.
    await devnet.bm(accounts.alice, 'bond', [800n * ONE, accounts.alice])
    await devnet.bm(accounts.alice, 'transcoder', [0n, 0n])
    const r2 = await devnet.nextRound()
    const inflation2 = inflation1 - parameters.inflationChange
    assert.deepEqual(r2.logs.at(-2)!.args, { currentMintableTokens: (supply * inflation2) / 10n ** 9n, currentInflation: inflation2 })
    const r3 = await devnet.nextRound()
    assert.equal(r3.logs.at(-2)!.args.currentInflation, inflation2 - parameters.inflationChange)
    assert.equal(await read(c.Minter, minterAbi, 'inflation'), inflation2 - parameters.inflationChange)
    assert.equal(await read(c.Minter, minterAbi, 'getGlobalTotalSupply'), supply)
    assert.ok(r2.round < r3.round)
    await revert(snap)
  })

  test('behavior: LPT roles gate mint and burn with the OpenZeppelin message; RoleGranted is emitted', async () => {
    const { c, send, read, snapshot, revert } = devnet
    const snap = await snapshot()
    const minterRole = keccak256(toHex('MINTER_ROLE'))
    const burnerRole = keccak256(toHex('BURNER_ROLE'))
    assert.equal(await read(c.LivepeerToken, livepeerTokenAbi, 'hasRole', [minterRole, c.Minter]), true)
    assert.equal(await read(c.LivepeerToken, livepeerTokenAbi, 'hasRole', [burnerRole, c.Minter]), true)
    assert.equal(await read(c.LivepeerToken, livepeerTokenAbi, 'hasRole', [minterRole, deployer]), true)
    await assertRevert(
      send(accounts.alice, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'mint', args: [accounts.alice, 1n] }),
      `AccessControl: account ${accounts.alice} is missing role ${minterRole}`,
    )
    const minted = await send(deployer, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'mint', args: [accounts.alice, 5n] })
    assert.deepEqual(eventNames(minted.logs), ['LivepeerToken.Transfer', 'LivepeerToken.Mint'])
    const granted = await send(deployer, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'grantRole', args: [burnerRole, accounts.alice] })
    assert.deepEqual(granted.logs[0]!.args, { role: burnerRole, account: getAddress(accounts.alice), sender: getAddress(deployer) })
    const burned = await send(accounts.alice, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'burn', args: [2n] })
    assert.deepEqual(eventNames(burned.logs), ['LivepeerToken.Transfer', 'LivepeerToken.Burn'])
    assert.deepEqual(burned.logs[1]!.args, { burner: getAddress(accounts.alice), amount: 2n })
    assert.equal(await read(c.LivepeerToken, livepeerTokenAbi, 'totalSupply'), 3n)
    await revert(snap)
  })

  test('behavior: the Treasury holds LPT and only its owner moves it; setContractInfo emits SetContractInfo', async () => {
    const { c, send, read, lptBalance, snapshot, revert } = devnet
    const snap = await snapshot()
    await send(deployer, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'mint', args: [c.Treasury, 10n] })
    const call = { address: c.Treasury, abi: treasuryAbi, functionName: 'transferToken', args: [c.LivepeerToken, accounts.bob, 4n] } as const
    await assertRevert(send(accounts.bob, call), 'caller is not the owner')
    await send(deployer, call)
    assert.equal(await lptBalance(accounts.bob), 4n)
    assert.equal(await lptBalance(c.Treasury), 6n)
    const { logs } = await send(deployer, { address: c.Controller, abi: controllerAbi, functionName: 'setContractInfo', args: [id('MerkleSnapshot'), accounts.carol, `0x${'ab'.repeat(20)}`] })
    assert.deepEqual(eventNames(logs), ['Controller.SetContractInfo'])
    assert.deepEqual(logs[0]!.args, { id: id('MerkleSnapshot'), contractAddress: getAddress(accounts.carol), gitCommitHash: `0x${'ab'.repeat(20)}` })
    assert.deepEqual(await read(c.Controller, controllerAbi, 'getContractInfo', [id('MerkleSnapshot')]), [getAddress(accounts.carol), `0x${'ab'.repeat(20)}`])
    await revert(snap)
  })

  test('behavior: Multicall3 answers at the canonical address', async () => {
    const { client, c } = devnet
    const [round, supply] = await client.multicall({
      contracts: [
        { address: c.RoundsManager, abi: roundsManagerAbi, functionName: 'currentRound' },
        { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'totalSupply' },
      ],
      multicallAddress: multicall3Address,
      allowFailure: false,
    })
    assert.equal(round, await devnet.currentRound())
    assert.equal(supply, 0n)
    const read = <T>(functionName: string, args: readonly unknown[] = []) =>
      client.readContract({ address: multicall3Address, abi: multicall3Abi, functionName, args } as never) as Promise<T>
    assert.equal(await read('getEthBalance', [accounts.alice]), await client.getBalance({ address: accounts.alice }))
    assert.equal(await read('getChainId'), 31337n)
    assert.equal(await read('getBlockNumber'), await client.getBlockNumber({ cacheTime: 0 }))
    const [blockNumber, returnData] = await read<[bigint, Hex[]]>('aggregate', [[{ target: c.RoundsManager, callData: encodeFunctionData({ abi: roundsManagerAbi, functionName: 'roundLength' }) }]])
    assert.equal(blockNumber, await client.getBlockNumber({ cacheTime: 0 }))
    assert.equal(BigInt(returnData[0]!), devnet.parameters.roundLength)
    const results = await read<{ success: boolean }[]>('tryAggregate', [false, [{ target: c.RoundsManager, callData: '0xdeadbeef' }]])
    assert.equal(results[0]!.success, false)
  })

  test('behavior: ServiceRegistry and AIServiceRegistry store URIs and emit ServiceURIUpdate from their own address', async () => {
    const { c, send, read } = devnet
    for (const address of [c.ServiceRegistry, c.AIServiceRegistry]) {
      const { logs } = await send(accounts.bob, { address, abi: serviceRegistryAbi, functionName: 'setServiceURI', args: ['https://bob:8935'] })
      assert.equal(logs[0]!.address.toLowerCase(), address.toLowerCase())
      assert.deepEqual(logs[0]!.args, { addr: getAddress(accounts.bob), serviceURI: 'https://bob:8935' })
      assert.equal(await read(address, serviceRegistryAbi, 'getServiceURI', [accounts.bob]), 'https://bob:8935')
    }
  })

  test('behavior: pausing the Controller stops the managers', async () => {
    const { c, send, snapshot, revert } = devnet
    const snap = await snapshot()
    const { logs } = await send(deployer, { address: c.Controller, abi: controllerAbi, functionName: 'pause' })
    assert.deepEqual(eventNames(logs), ['Controller.Pause'])
    await assertRevert(send(deployer, { address: c.RoundsManager, abi: roundsManagerAbi, functionName: 'initializeRound' }), 'system is paused')
    await assertRevert(send(accounts.bob, { address: c.ServiceRegistry, abi: serviceRegistryAbi, functionName: 'setServiceURI', args: ['x'] }), 'system is paused')
    const unpaused = await send(deployer, { address: c.Controller, abi: controllerAbi, functionName: 'unpause' })
    assert.deepEqual(eventNames(unpaused.logs), ['Controller.Unpause'])
    await revert(snap)
  })
})

describe('deployProtocol with placement', () => {
  let anvil: Anvil
  before(async () => {
    anvil = await startAnvil({ chainId: 42161 })
  })
  after(() => anvil.stop())

  test('behavior: places runtime code at the given addresses, registers extras, logs come from the placed addresses', async () => {
    const client = createDevnetClient({ rpcUrl: anvil.rpcUrl, chainId: 42161 })
    const placement = {
      Controller: '0xD8E8328501E9645d16Cf49539efC04f734606ee4',
      LivepeerToken: '0x289ba1701C2F088cf0faf8B3705246331cB8A839',
      Minter: '0xc20DE37170B45774e6CD3d2304017fc962f27252',
      TicketBroker: '0xa8bB618B1520E284046F3dFc448851A1Ff26e41B',
      BondingManager: '0x35Bcf3c30594191d53231E4FF333E8A770453e40',
      RoundsManager: '0xdd6f56DcC28D3F5f27084381fE8Df634985cc39f',
      ServiceRegistry: '0xC92d3A360b8f9e083bA64DE15d95Cf8180897431',
      AIServiceRegistry: '0x04C0b249740175999E5BF5c9ac1dA92431EF34C5',
      Treasury: '0xf82C1FF415F1fCf582554fDba790E27019c8E8C4',
    } as const satisfies Record<string, Address>
    const bondingVotes: Address = '0x0B9C254837E72Ebe9Fe04960C43B69782E68169A'
    const started = Date.now()
    const deployment = await deployProtocol({ client, deployer, parameters: devnetParameters, placement, registry: { BondingVotes: bondingVotes } })
    assert.ok(Date.now() - started < 10_000, 'deploy is fast')
    for (const [name, address] of Object.entries(placement)) {
      assert.equal(deployment.contracts[name as keyof typeof placement].address, address)
    }
    assert.equal(deployment.multicall3, multicall3Address)
    assert.equal(await client.readContract({ address: placement.Controller, abi: controllerAbi, functionName: 'getContract', args: [id('BondingVotes')] }), bondingVotes)
    assert.equal(
      await client.readContract({ address: placement.Controller, abi: controllerAbi, functionName: 'getContract', args: [id('BondingManager')] }),
      placement.BondingManager,
    )
    const hash = await client.writeContract({ address: placement.RoundsManager, abi: roundsManagerAbi, functionName: 'initializeRound', account: deployer, chain: null, gasPrice: 0n })
    const receipt = await client.waitForTransactionReceipt({ hash })
    assert.deepEqual(
      receipt.logs.map((log) => log.address.toLowerCase()),
      [placement.BondingManager, placement.Minter, placement.RoundsManager].map((a) => a.toLowerCase()),
    )

    // Placing again over initialized contracts fails loudly.
    await assert.rejects(deployProtocol({ client, deployer, parameters: devnetParameters, placement }), (error: Error) => {
      assert.ok(error instanceof DeployProtocolError)
      assert.equal(error.step, 'Controller.initialize')
      return true
    })
  })

  test('behavior: readArtifact names the fix when contracts are not built', () => {
    assert.equal(readArtifact('BondingManager').contractName, 'BondingManager')
    assert.throws(() => readArtifact('NoSuchContract'), (error: Error) => {
      assert.ok(error instanceof ArtifactNotFoundError)
      assert.match(error.message, /^contracts not built: run npm run build/)
      return true
    })
  })
})
