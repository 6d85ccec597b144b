// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ILivepeerToken} from "./interfaces/ILivepeerToken.sol";

/**
 * @title LivepeerToken
 * @notice The L2 LPT (spec §3.6): ERC-20 "Livepeer Token"/"LPT" with 18 decimals, role-based access
 * (DEFAULT_ADMIN_ROLE, MINTER_ROLE, BURNER_ROLE), role-gated mint/burn that also emit `Mint`/`Burn`,
 * and EIP-2612 permit.
 * @dev Event behaviour follows the live token: `transferFrom` emits Transfer then Approval every time
 * (no infinite-allowance shortcut); `mint` emits Transfer(0x0 → to) then Mint; `burn` emits
 * Transfer(from → 0x0) then Burn. No constructor: `initialize(admin)` grants the admin role once.
 */
contract LivepeerToken is ILivepeerToken {
    bytes32 public constant DEFAULT_ADMIN_ROLE = 0x00;
    bytes32 private constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 private constant BURNER_ROLE = keccak256("BURNER_ROLE");
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    struct RoleData {
        mapping(address => bool) members;
        bytes32 adminRole;
    }

    mapping(address => uint256) private balances;
    mapping(address => mapping(address => uint256)) private allowances;
    uint256 private supply;
    mapping(bytes32 => RoleData) private roles;
    mapping(address => uint256) private permitNonces;
    bool private initialized;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Mint(address indexed to, uint256 amount);
    event Burn(address indexed burner, uint256 amount);
    event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender);
    event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender);
    event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole);

    modifier onlyRole(bytes32 _role) {
        checkRole(_role, msg.sender);
        _;
    }

    /// @notice Grants DEFAULT_ADMIN_ROLE to `_admin`, once (the live token does this in its constructor).
    function initialize(address _admin) external {
        require(!initialized, "already initialized");
        initialized = true;
        emit RoleAdminChanged(DEFAULT_ADMIN_ROLE, DEFAULT_ADMIN_ROLE, DEFAULT_ADMIN_ROLE);
        grantRoleInternal(DEFAULT_ADMIN_ROLE, _admin);
    }

    // ---------------------------------------------------------------- ERC-20

    function name() external pure returns (string memory) {
        return "Livepeer Token";
    }

    function symbol() external pure returns (string memory) {
        return "LPT";
    }

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function totalSupply() external view returns (uint256) {
        return supply;
    }

    function balanceOf(address _account) external view returns (uint256) {
        return balances[_account];
    }

    function allowance(address _owner, address _spender) external view returns (uint256) {
        return allowances[_owner][_spender];
    }

    function transfer(address _to, uint256 _amount) external returns (bool) {
        move(msg.sender, _to, _amount);
        return true;
    }

    function approve(address _spender, uint256 _amount) external returns (bool) {
        setAllowance(msg.sender, _spender, _amount);
        return true;
    }

    /// @notice Moves tokens, then lowers the allowance; emits Transfer then Approval.
    function transferFrom(address _from, address _to, uint256 _amount) external returns (bool) {
        move(_from, _to, _amount);
        uint256 current = allowances[_from][msg.sender];
        require(current >= _amount, "ERC20: transfer amount exceeds allowance");
        unchecked {
            setAllowance(_from, msg.sender, current - _amount);
        }
        return true;
    }

    function increaseAllowance(address _spender, uint256 _added) external returns (bool) {
        setAllowance(msg.sender, _spender, allowances[msg.sender][_spender] + _added);
        return true;
    }

    function decreaseAllowance(address _spender, uint256 _subtracted) external returns (bool) {
        uint256 current = allowances[msg.sender][_spender];
        require(current >= _subtracted, "ERC20: decreased allowance below zero");
        unchecked {
            setAllowance(msg.sender, _spender, current - _subtracted);
        }
        return true;
    }

    // ------------------------------------------------------- mint and burn

    /// @notice Mints `_amount` to `_to`: Transfer(0x0 → to) then Mint(to, amount). MINTER_ROLE only.
    function mint(address _to, uint256 _amount) external onlyRole(MINTER_ROLE) {
        require(_to != address(0), "ERC20: mint to the zero address");
        supply += _amount;
        balances[_to] += _amount;
        emit Transfer(address(0), _to, _amount);
        emit Mint(_to, _amount);
    }

    /// @notice Burns the caller's tokens: Transfer(caller → 0x0) then Burn(caller, amount). BURNER_ROLE only.
    function burn(uint256 _amount) external onlyRole(BURNER_ROLE) {
        destroy(msg.sender, _amount);
        emit Burn(msg.sender, _amount);
    }

    /// @notice Burns `_from`'s tokens against the caller's allowance; emits Approval, Transfer, Burn.
    function burnFrom(address _from, uint256 _amount) external onlyRole(BURNER_ROLE) {
        uint256 current = allowances[_from][msg.sender];
        require(current >= _amount, "ERC20: burn amount exceeds allowance");
        unchecked {
            setAllowance(_from, msg.sender, current - _amount);
        }
        destroy(_from, _amount);
        emit Burn(_from, _amount);
    }

    // ------------------------------------------------------ access control

    function hasRole(bytes32 _role, address _account) public view returns (bool) {
        return roles[_role].members[_account];
    }

    function getRoleAdmin(bytes32 _role) public view returns (bytes32) {
        return roles[_role].adminRole;
    }

    function grantRole(bytes32 _role, address _account) external onlyRole(getRoleAdmin(_role)) {
        grantRoleInternal(_role, _account);
    }

    function revokeRole(bytes32 _role, address _account) external onlyRole(getRoleAdmin(_role)) {
        revokeRoleInternal(_role, _account);
    }

    function renounceRole(bytes32 _role, address _account) external {
        require(_account == msg.sender, "AccessControl: can only renounce roles for self");
        revokeRoleInternal(_role, _account);
    }

    /// @notice ERC-165: IERC165, IAccessControl, IERC20.
    function supportsInterface(bytes4 _interfaceId) external pure returns (bool) {
        return
            _interfaceId == 0x01ffc9a7 || // IERC165
            _interfaceId == 0x7965db0b || // IAccessControl
            _interfaceId == 0x36372b07; // IERC20
    }

    // ------------------------------------------------------------- permit

    function nonces(address _owner) external view returns (uint256) {
        return permitNonces[_owner];
    }

    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return
            keccak256(
                abi.encode(DOMAIN_TYPEHASH, keccak256("Livepeer Token"), keccak256("1"), block.chainid, address(this))
            );
    }

    /// @notice EIP-2612: sets an allowance from an EIP-712 signature by `_owner`.
    function permit(
        address _owner,
        address _spender,
        uint256 _value,
        uint256 _deadline,
        uint8 _v,
        bytes32 _r,
        bytes32 _s
    ) external {
        require(block.timestamp <= _deadline, "ERC20Permit: expired deadline");
        bytes32 structHash = keccak256(
            abi.encode(PERMIT_TYPEHASH, _owner, _spender, _value, permitNonces[_owner]++, _deadline)
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(), structHash));
        require(
            uint256(_s) <= 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0,
            "ERC20Permit: invalid signature"
        );
        address signer = ecrecover(digest, _v, _r, _s);
        require(signer != address(0) && signer == _owner, "ERC20Permit: invalid signature");
        setAllowance(_owner, _spender, _value);
    }

    // ----------------------------------------------------------- internals

    function move(address _from, address _to, uint256 _amount) private {
        require(_from != address(0), "ERC20: transfer from the zero address");
        require(_to != address(0), "ERC20: transfer to the zero address");
        uint256 balance = balances[_from];
        require(balance >= _amount, "ERC20: transfer amount exceeds balance");
        unchecked {
            balances[_from] = balance - _amount;
        }
        balances[_to] += _amount;
        emit Transfer(_from, _to, _amount);
    }

    function destroy(address _from, uint256 _amount) private {
        require(_from != address(0), "ERC20: burn from the zero address");
        uint256 balance = balances[_from];
        require(balance >= _amount, "ERC20: burn amount exceeds balance");
        unchecked {
            balances[_from] = balance - _amount;
            supply -= _amount;
        }
        emit Transfer(_from, address(0), _amount);
    }

    function setAllowance(address _owner, address _spender, uint256 _amount) private {
        require(_owner != address(0), "ERC20: approve from the zero address");
        require(_spender != address(0), "ERC20: approve to the zero address");
        allowances[_owner][_spender] = _amount;
        emit Approval(_owner, _spender, _amount);
    }

    function grantRoleInternal(bytes32 _role, address _account) private {
        if (!hasRole(_role, _account)) {
            roles[_role].members[_account] = true;
            emit RoleGranted(_role, _account, msg.sender);
        }
    }

    function revokeRoleInternal(bytes32 _role, address _account) private {
        if (hasRole(_role, _account)) {
            roles[_role].members[_account] = false;
            emit RoleRevoked(_role, _account, msg.sender);
        }
    }

    /// @dev Reverts with "AccessControl: account 0x… is missing role 0x…" like OpenZeppelin 4.4.
    function checkRole(bytes32 _role, address _account) private view {
        if (!hasRole(_role, _account)) {
            revert(
                string(
                    abi.encodePacked(
                        "AccessControl: account ",
                        toHex(uint256(uint160(_account)), 20),
                        " is missing role ",
                        toHex(uint256(_role), 32)
                    )
                )
            );
        }
    }

    /// @dev `0x` + `_length` bytes of `_value` as lowercase hex.
    function toHex(uint256 _value, uint256 _length) private pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(2 + 2 * _length);
        out[0] = "0";
        out[1] = "x";
        for (uint256 i = 2 * _length + 1; i > 1; --i) {
            out[i] = digits[_value & 0xf];
            _value >>= 4;
        }
        return string(out);
    }
}
