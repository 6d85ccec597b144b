// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IController} from "./interfaces/IController.sol";
import {IManager} from "./interfaces/IManager.sol";

/**
 * @title Controller
 * @notice The protocol registry (`keccak256(name)` → address + git commit) with ownership and a
 * system-wide pause switch that every manager checks (spec §2.1, §2.4).
 * @dev No constructor: `initialize(owner)` sets the owner once and starts the system paused, as the
 * live Controller starts; the deployer unpauses it when the registry is complete.
 */
contract Controller is IController {
    struct ContractInfo {
        address contractAddress;
        bytes20 gitCommitHash;
    }

    address public owner;
    bool public paused;
    bool private initialized;
    mapping(bytes32 => ContractInfo) private registry;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event Pause();
    event Unpause();
    event SetContractInfo(bytes32 id, address contractAddress, bytes20 gitCommitHash);

    modifier onlyOwner() {
        require(msg.sender == owner, "caller is not the owner");
        _;
    }

    /// @notice Sets the owner once and leaves the system paused until `unpause()`.
    function initialize(address _owner) external {
        require(!initialized, "already initialized");
        require(_owner != address(0), "owner is null address");
        initialized = true;
        paused = true;
        owner = _owner;
        emit OwnershipTransferred(address(0), _owner);
    }

    function transferOwnership(address _newOwner) external onlyOwner {
        require(_newOwner != address(0), "new owner is null address");
        emit OwnershipTransferred(owner, _newOwner);
        owner = _newOwner;
    }

    function pause() external onlyOwner {
        require(!paused, "system is paused");
        paused = true;
        emit Pause();
    }

    function unpause() external onlyOwner {
        require(paused, "system is not paused");
        paused = false;
        emit Unpause();
    }

    /// @notice Registers (or replaces) the contract for `_id` = keccak256(name).
    function setContractInfo(bytes32 _id, address _contractAddress, bytes20 _gitCommitHash) external onlyOwner {
        registry[_id] = ContractInfo(_contractAddress, _gitCommitHash);
        emit SetContractInfo(_id, _contractAddress, _gitCommitHash);
    }

    /// @notice Points the manager registered under `_id` at another Controller.
    function updateController(bytes32 _id, address _controller) external onlyOwner {
        IManager(registry[_id].contractAddress).setController(_controller);
    }

    function getContractInfo(bytes32 _id) external view returns (address, bytes20) {
        ContractInfo storage info = registry[_id];
        return (info.contractAddress, info.gitCommitHash);
    }

    function getContract(bytes32 _id) external view returns (address) {
        return registry[_id].contractAddress;
    }
}
