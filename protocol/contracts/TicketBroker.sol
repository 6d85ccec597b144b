// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Manager} from "./libraries/Manager.sol";
import {IMinter} from "./interfaces/IMinter.sol";
import {IBondingManager} from "./interfaces/IBondingManager.sol";
import {IRoundsManager} from "./interfaces/IRoundsManager.sol";

/**
 * @title TicketBroker
 * @notice Probabilistic micropayments (spec §4.4, §12): broadcaster deposits and reserves (all ETH is
 * held by the Minter, reached through the "JobsManager" registration), winning-ticket redemption
 * paid from the deposit first and then from a per-round, per-active-orchestrator share of the
 * reserve, and the unlock/withdraw cycle.
 * @dev Tickets are hashed with abi.encodePacked over the seven fields and signed with the EIP-191
 * "\x19Ethereum Signed Message:\n32" prefix (v = 27/28), exactly as go-livepeer does.
 */
contract TicketBroker is Manager {
    struct Ticket {
        address recipient;
        address sender;
        uint256 faceValue;
        uint256 winProb;
        uint256 senderNonce;
        bytes32 recipientRandHash;
        bytes auxData; // abi.encodePacked(uint256 creationRound, bytes32 creationRoundBlockHash)
    }

    struct Sender {
        uint256 deposit;
        uint256 withdrawRound; // 0 = locked (no unlock in progress)
    }

    struct ReserveInfo {
        uint256 fundsRemaining;
        uint256 claimedInCurrentRound;
    }

    struct Reserve {
        uint256 fundsRemaining;
        mapping(uint256 => uint256) claimedForRound;
        mapping(uint256 => mapping(address => uint256)) claimedByAddress;
    }

    /// @notice Rounds between `unlock()` and a possible `withdraw()`.
    uint256 public unlockPeriod;
    /// @notice Rounds a ticket stays redeemable after its creation round.
    uint256 public ticketValidityPeriod;
    /// @notice Redeemed ticket hashes.
    mapping(bytes32 => bool) public usedTickets;

    mapping(address => Sender) private senders;
    mapping(address => Reserve) private reserves;

    event DepositFunded(address indexed sender, uint256 amount);
    event ReserveFunded(address indexed reserveHolder, uint256 amount);
    event ReserveClaimed(address indexed reserveHolder, address claimant, uint256 amount);
    event WinningTicketRedeemed(
        address indexed sender,
        address indexed recipient,
        uint256 faceValue,
        uint256 winProb,
        uint256 senderNonce,
        uint256 recipientRand,
        bytes auxData
    );
    event WinningTicketTransfer(address indexed sender, address indexed recipient, uint256 amount);
    event Unlock(address indexed sender, uint256 startRound, uint256 endRound);
    event UnlockCancelled(address indexed sender);
    event Withdrawal(address indexed sender, uint256 deposit, uint256 reserve);

    modifier currentRoundInitialized() {
        require(roundsManager().currentRoundInitialized(), "current round is not initialized");
        _;
    }

    /// @notice One-time setup; emits SetController, ParameterUpdate("unlockPeriod"), ParameterUpdate("ticketValidityPeriod").
    function initialize(address _controller, uint256 _unlockPeriod, uint256 _ticketValidityPeriod) external {
        initializeManager(_controller);
        setUnlockPeriodInternal(_unlockPeriod);
        setTicketValidityPeriodInternal(_ticketValidityPeriod);
    }

    function setUnlockPeriod(uint256 _unlockPeriod) external onlyControllerOwner {
        setUnlockPeriodInternal(_unlockPeriod);
    }

    function setTicketValidityPeriod(uint256 _ticketValidityPeriod) external onlyControllerOwner {
        setTicketValidityPeriodInternal(_ticketValidityPeriod);
    }

    // ============================================================================ funding

    /// @notice Adds `msg.value` to the caller's deposit: [UnlockCancelled] → DepositFunded.
    function fundDeposit() external payable whenSystemNotPaused {
        addDeposit(msg.sender, msg.value);
        cancelUnlockIfSelfFunded(msg.sender);
        forwardToMinter(msg.value);
        emit DepositFunded(msg.sender, msg.value);
    }

    /// @notice Adds `msg.value` to the caller's reserve: ReserveFunded → [UnlockCancelled].
    function fundReserve() external payable whenSystemNotPaused {
        addReserve(msg.sender, msg.value);
        cancelUnlockIfSelfFunded(msg.sender);
        forwardToMinter(msg.value);
    }

    function fundDepositAndReserve(uint256 _depositAmount, uint256 _reserveAmount) external payable {
        fundDepositAndReserveFor(msg.sender, _depositAmount, _reserveAmount);
    }

    /**
     * @notice Funds `_addr`'s deposit and reserve from `msg.value` (must equal their sum). Anyone may fund
     * any sender. Events: [UnlockCancelled if the sender funds itself] → ReserveFunded → DepositFunded,
     * both even when an amount is 0.
     */
    function fundDepositAndReserveFor(
        address _addr,
        uint256 _depositAmount,
        uint256 _reserveAmount
    ) public payable whenSystemNotPaused {
        require(
            msg.value == _depositAmount + _reserveAmount,
            "msg.value does not equal sum of deposit amount and reserve amount"
        );
        addDeposit(_addr, _depositAmount);
        cancelUnlockIfSelfFunded(_addr);
        addReserve(_addr, _reserveAmount);
        forwardToMinter(msg.value);
        emit DepositFunded(_addr, _depositAmount);
    }

    // ========================================================================= redemption

    /**
     * @notice Redeems a winning ticket: pays the face value from the sender's deposit, then from the
     * recipient's claimable share of the sender's reserve, and credits the fees to the recipient's
     * earnings pool. Events: [ReserveClaimed] → [WinningTicketTransfer if > 0] → WinningTicketRedeemed.
     */
    function redeemWinningTicket(
        Ticket memory _ticket,
        bytes memory _sig,
        uint256 _recipientRand
    ) public whenSystemNotPaused currentRoundInitialized {
        bytes32 ticketHash = getTicketHash(_ticket);
        requireValidWinningTicket(_ticket, ticketHash, _sig, _recipientRand);

        Sender storage sender = senders[_ticket.sender];
        require(isLocked(sender), "sender is unlocked");
        require(
            sender.deposit > 0 || reserves[_ticket.sender].fundsRemaining > 0,
            "sender deposit and reserve are zero"
        );

        usedTickets[ticketHash] = true;

        uint256 amountToTransfer;
        if (_ticket.faceValue > sender.deposit) {
            amountToTransfer =
                sender.deposit +
                claimFromReserve(_ticket.sender, _ticket.recipient, _ticket.faceValue - sender.deposit);
            sender.deposit = 0;
        } else {
            amountToTransfer = _ticket.faceValue;
            sender.deposit -= _ticket.faceValue;
        }

        if (amountToTransfer > 0) {
            (uint256 creationRound, ) = decodeAuxData(_ticket.auxData);
            bondingManager().updateTranscoderWithFees(_ticket.recipient, amountToTransfer, creationRound);
            emit WinningTicketTransfer(_ticket.sender, _ticket.recipient, amountToTransfer);
        }

        emit WinningTicketRedeemed(
            _ticket.sender,
            _ticket.recipient,
            _ticket.faceValue,
            _ticket.winProb,
            _ticket.senderNonce,
            _recipientRand,
            _ticket.auxData
        );
    }

    /// @notice Redeems several tickets; a failing ticket is skipped, not reverted.
    function batchRedeemWinningTickets(
        Ticket[] memory _tickets,
        bytes[] memory _sigs,
        uint256[] memory _recipientRands
    ) external whenSystemNotPaused currentRoundInitialized {
        for (uint256 i = 0; i < _tickets.length; i++) {
            // A self-call, so one bad ticket only reverts its own redemption.
            (bool ok, ) = address(this).call(
                abi.encodeCall(this.redeemWinningTicket, (_tickets[i], _sigs[i], _recipientRands[i]))
            );
            ok;
        }
    }

    // ===================================================================== unlock/withdraw

    /// @notice Starts the unlock period; funds are withdrawable from round `r + unlockPeriod`.
    function unlock() external whenSystemNotPaused {
        Sender storage sender = senders[msg.sender];
        require(sender.deposit > 0 || reserves[msg.sender].fundsRemaining > 0, "sender deposit and reserve are zero");
        require(!isUnlockInProgressInternal(sender), "unlock already initiated");

        uint256 round = roundsManager().currentRound();
        sender.withdrawRound = round + unlockPeriod;

        emit Unlock(msg.sender, round, sender.withdrawRound);
    }

    function cancelUnlock() external whenSystemNotPaused {
        cancelUnlockInternal(msg.sender);
    }

    /// @notice Pays out deposit and remaining reserve after the unlock period (ETH from the Minter).
    function withdraw() external whenSystemNotPaused {
        Sender storage sender = senders[msg.sender];
        uint256 deposit = sender.deposit;
        uint256 reserve = reserves[msg.sender].fundsRemaining;

        require(deposit > 0 || reserve > 0, "sender deposit and reserve are zero");
        require(isUnlockInProgressInternal(sender), "no unlock request in progress");
        require(!isLocked(sender), "account is locked");

        sender.deposit = 0;
        reserves[msg.sender].fundsRemaining = 0;

        minter().trustedWithdrawETH(payable(msg.sender), deposit + reserve);

        emit Withdrawal(msg.sender, deposit, reserve);
    }

    // ============================================================================== views

    function getSenderInfo(
        address _sender
    ) external view returns (Sender memory sender, ReserveInfo memory reserve) {
        sender = senders[_sender];
        Reserve storage r = reserves[_sender];
        reserve = ReserveInfo(r.fundsRemaining, r.claimedForRound[roundsManager().currentRound()]);
    }

    function isUnlockInProgress(address _sender) external view returns (bool) {
        return isUnlockInProgressInternal(senders[_sender]);
    }

    /**
     * @notice What `_claimant` may still take from `_reserveHolder`'s reserve this round: an equal share
     * per pool member of (remaining + claimed this round), minus what it already claimed. 0 unless the
     * claimant is an active transcoder.
     */
    function claimableReserve(address _reserveHolder, address _claimant) public view returns (uint256) {
        IBondingManager bm = bondingManager();
        if (!bm.isActiveTranscoder(_claimant)) return 0;
        uint256 poolSize = bm.getTranscoderPoolSize();
        if (poolSize == 0) return 0;

        Reserve storage reserve = reserves[_reserveHolder];
        uint256 round = roundsManager().currentRound();
        uint256 total = reserve.fundsRemaining + reserve.claimedForRound[round];
        return total / poolSize - reserve.claimedByAddress[round][_claimant];
    }

    function claimedReserve(address _reserveHolder, address _claimant) external view returns (uint256) {
        return reserves[_reserveHolder].claimedByAddress[roundsManager().currentRound()][_claimant];
    }

    /// @notice keccak256(abi.encodePacked(recipient, sender, faceValue, winProb, senderNonce, recipientRandHash, auxData)).
    function getTicketHash(Ticket memory _ticket) public pure returns (bytes32) {
        return
            keccak256(
                abi.encodePacked(
                    _ticket.recipient,
                    _ticket.sender,
                    _ticket.faceValue,
                    _ticket.winProb,
                    _ticket.senderNonce,
                    _ticket.recipientRandHash,
                    _ticket.auxData
                )
            );
    }

    // ========================================================================== internals

    /// @dev Spec §12.2 checks, in order.
    function requireValidWinningTicket(
        Ticket memory _ticket,
        bytes32 _ticketHash,
        bytes memory _sig,
        uint256 _recipientRand
    ) private view {
        require(_ticket.recipient != address(0), "ticket recipient is null address");
        require(_ticket.sender != address(0), "ticket sender is null address");
        requireValidTicketAuxData(_ticket.auxData);
        require(
            keccak256(abi.encodePacked(_recipientRand)) == _ticket.recipientRandHash,
            "recipientRand does not match recipientRandHash"
        );
        require(!usedTickets[_ticketHash], "ticket is used");
        require(recoverSigner(_ticketHash, _sig) == _ticket.sender, "invalid signature over ticket hash");
        require(uint256(keccak256(abi.encodePacked(_sig, _recipientRand))) < _ticket.winProb, "ticket did not win");
    }

    function requireValidTicketAuxData(bytes memory _auxData) private view {
        (uint256 creationRound, bytes32 creationRoundBlockHash) = decodeAuxData(_auxData);
        IRoundsManager rm = roundsManager();
        bytes32 blockHash = rm.blockHashForRound(creationRound);
        require(blockHash != bytes32(0), "ticket creationRound does not have a block hash");
        require(creationRoundBlockHash == blockHash, "ticket creationRoundBlockHash invalid for creationRound");
        require(creationRound + ticketValidityPeriod > rm.currentRound(), "ticket is expired");
    }

    function decodeAuxData(bytes memory _auxData) private pure returns (uint256 creationRound, bytes32 blockHash) {
        require(_auxData.length == 64, "invalid length for ticket auxData: must be 64 bytes");
        (creationRound, blockHash) = abi.decode(_auxData, (uint256, bytes32));
    }

    /// @dev EIP-191 recovery of a 65-byte (r, s, v) signature; address(0) for a malformed one.
    function recoverSigner(bytes32 _hash, bytes memory _sig) private pure returns (address) {
        require(_sig.length == 65, "INVALID_SIGNATURE_LENGTH");
        bytes32 r;
        bytes32 s;
        uint8 v;
        assembly {
            r := mload(add(_sig, 32))
            s := mload(add(_sig, 64))
            v := byte(0, mload(add(_sig, 96)))
        }
        // Only canonical signatures (low s, v 27/28), like OpenZeppelin's ECDSA.
        if (uint256(s) > 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0) return address(0);
        if (v != 27 && v != 28) return address(0);
        bytes32 digest = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", _hash));
        return ecrecover(digest, v, r, s);
    }

    function claimFromReserve(address _reserveHolder, address _claimant, uint256 _amount) private returns (uint256) {
        uint256 claimable = claimableReserve(_reserveHolder, _claimant);
        uint256 claimAmount = _amount > claimable ? claimable : _amount;
        if (claimAmount > 0) {
            uint256 round = roundsManager().currentRound();
            Reserve storage reserve = reserves[_reserveHolder];
            reserve.claimedForRound[round] += claimAmount;
            reserve.claimedByAddress[round][_claimant] += claimAmount;
            reserve.fundsRemaining -= claimAmount;
            emit ReserveClaimed(_reserveHolder, _claimant, claimAmount);
        }
        return claimAmount;
    }

    function addDeposit(address _sender, uint256 _amount) private {
        senders[_sender].deposit += _amount;
    }

    function addReserve(address _reserveHolder, uint256 _amount) private {
        reserves[_reserveHolder].fundsRemaining += _amount;
        emit ReserveFunded(_reserveHolder, _amount);
    }

    /// @dev Funding by the sender itself cancels a pending unlock; a third party's funding does not.
    function cancelUnlockIfSelfFunded(address _sender) private {
        if (msg.sender == _sender && isUnlockInProgressInternal(senders[_sender])) {
            cancelUnlockInternal(_sender);
        }
    }

    function cancelUnlockInternal(address _sender) private {
        Sender storage sender = senders[_sender];
        require(isUnlockInProgressInternal(sender), "no unlock request in progress");
        sender.withdrawRound = 0;
        emit UnlockCancelled(_sender);
    }

    function isUnlockInProgressInternal(Sender storage _sender) private view returns (bool) {
        return _sender.withdrawRound > 0;
    }

    /// @dev Locked = no unlock in progress, or its withdraw round not reached yet.
    function isLocked(Sender storage _sender) private view returns (bool) {
        return _sender.withdrawRound == 0 || roundsManager().currentRound() < _sender.withdrawRound;
    }

    function forwardToMinter(uint256 _amount) private {
        minter().depositETH{value: _amount}();
    }

    function setUnlockPeriodInternal(uint256 _unlockPeriod) private {
        unlockPeriod = _unlockPeriod;
        emit ParameterUpdate("unlockPeriod");
    }

    function setTicketValidityPeriodInternal(uint256 _ticketValidityPeriod) private {
        require(_ticketValidityPeriod > 0, "ticketValidityPeriod must be greater than 0");
        ticketValidityPeriod = _ticketValidityPeriod;
        emit ParameterUpdate("ticketValidityPeriod");
    }

    function roundsManager() private view returns (IRoundsManager) {
        return IRoundsManager(contractAt(ROUNDS_MANAGER_ID));
    }

    function bondingManager() private view returns (IBondingManager) {
        return IBondingManager(contractAt(BONDING_MANAGER_ID));
    }

    function minter() private view returns (IMinter) {
        return IMinter(contractAt(MINTER_ID));
    }
}
