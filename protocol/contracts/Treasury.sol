// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title Treasury
 * @notice A minimal stand-in for the live Treasury (an OZ timelock, spec §3.8): it receives the LPT
 * treasury cut from `reward()` (and ETH), and only its owner can move funds out. Governance is out
 * of scope for the devnet.
 */
contract Treasury {
    address public owner;
    bool private initialized;

    modifier onlyOwner() {
        require(msg.sender == owner, "caller is not the owner");
        _;
    }

    /// @notice Sets the owner, once.
    function initialize(address _owner) external {
        require(!initialized, "already initialized");
        require(_owner != address(0), "owner is null address");
        initialized = true;
        owner = _owner;
    }

    receive() external payable {}

    function transferOwnership(address _newOwner) external onlyOwner {
        require(_newOwner != address(0), "new owner is null address");
        owner = _newOwner;
    }

    /// @notice Sends ERC-20 tokens (LPT) held by the treasury.
    function transferToken(address _token, address _to, uint256 _amount) external onlyOwner {
        (bool ok, bytes memory data) = _token.call(abi.encodeWithSignature("transfer(address,uint256)", _to, _amount));
        require(ok && (data.length == 0 || abi.decode(data, (bool))), "token transfer failed");
    }

    /// @notice Makes an arbitrary call with the treasury's funds, as a timelock execution would.
    function execute(address _target, uint256 _value, bytes calldata _data) external onlyOwner returns (bytes memory) {
        (bool ok, bytes memory result) = _target.call{value: _value}(_data);
        if (!ok) {
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
        return result;
    }
}
