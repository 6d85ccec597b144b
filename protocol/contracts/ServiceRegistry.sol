// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Manager} from "./libraries/Manager.sol";

/**
 * @title ServiceRegistry
 * @notice Where orchestrators publish their service URI (spec §3.5, §4.5). Deployed twice: the
 * Controller-registered ServiceRegistry and the standalone AIServiceRegistry (same ABI and event).
 */
contract ServiceRegistry is Manager {
    mapping(address => string) private serviceURIs;

    event ServiceURIUpdate(address indexed addr, string serviceURI);

    /// @notice One-time setup; emits SetController.
    function initialize(address _controller) external {
        initializeManager(_controller);
    }

    /// @notice Sets the caller's service URI. Open to anyone.
    function setServiceURI(string calldata _serviceURI) external whenSystemNotPaused {
        serviceURIs[msg.sender] = _serviceURI;
        emit ServiceURIUpdate(msg.sender, _serviceURI);
    }

    function getServiceURI(address _addr) external view returns (string memory) {
        return serviceURIs[_addr];
    }
}
