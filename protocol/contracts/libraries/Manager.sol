// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IController} from "../interfaces/IController.sol";
import {IManager} from "../interfaces/IManager.sol";

/**
 * @title Manager
 * @notice Base of every Controller-managed contract: stores only the Controller address and looks
 * its peers up at call time, like the live contracts (spec §2.1, §2.3).
 * @dev There is no constructor: the devnet may place runtime code at fixed addresses with
 * `anvil_setCode`, so state is set by a one-time `initialize` in each contract instead.
 */
abstract contract Manager is IManager {
    // Controller ids: keccak256 of the registry name (spec §2.1).
    bytes32 internal constant BONDING_MANAGER_ID = keccak256("BondingManager");
    bytes32 internal constant ROUNDS_MANAGER_ID = keccak256("RoundsManager");
    bytes32 internal constant TICKET_BROKER_ID = keccak256("TicketBroker");
    bytes32 internal constant JOBS_MANAGER_ID = keccak256("JobsManager");
    bytes32 internal constant MINTER_ID = keccak256("Minter");
    bytes32 internal constant LIVEPEER_TOKEN_ID = keccak256("LivepeerToken");
    bytes32 internal constant TREASURY_ID = keccak256("Treasury");
    bytes32 internal constant VERIFIER_ID = keccak256("Verifier");
    bytes32 internal constant L2_MIGRATOR_ID = keccak256("L2Migrator");

    IController public controller;
    bool private managerInitialized;

    event SetController(address controller);
    event ParameterUpdate(string param);

    modifier onlyController() {
        require(msg.sender == address(controller), "caller must be Controller");
        _;
    }

    modifier onlyControllerOwner() {
        require(msg.sender == controller.owner(), "caller must be Controller owner");
        _;
    }

    modifier whenSystemNotPaused() {
        require(!controller.paused(), "system is paused");
        _;
    }

    modifier whenSystemPaused() {
        require(controller.paused(), "system is not paused");
        _;
    }

    /// @notice Points this contract at a new Controller. Only the current Controller may call.
    function setController(address _controller) external onlyController {
        controller = IController(_controller);
        emit SetController(_controller);
    }

    /// @dev The shared part of every `initialize`: once only, stores the Controller, emits SetController.
    function initializeManager(address _controller) internal {
        require(!managerInitialized, "already initialized");
        require(_controller != address(0), "controller is null address");
        managerInitialized = true;
        controller = IController(_controller);
        emit SetController(_controller);
    }

    /// @dev Resolves a peer in the Controller registry.
    function contractAt(bytes32 _id) internal view returns (address) {
        return controller.getContract(_id);
    }
}
