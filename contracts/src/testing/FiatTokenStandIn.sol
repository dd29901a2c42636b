// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @notice Stand-in for Circle's FiatToken (USDC) for the production rehearsal: an anvil chain carrying Base
/// Sepolia's chain id, where the deploy command must meet a USDC that behaves like the real one. So, like FiatToken
/// v2: name and symbol "USDC", 6 decimals, EIP-2612 permit under the domain ("USDC", "2") exposed only through
/// `version()` and `DOMAIN_SEPARATOR()` (no ERC-5267 `eip712Domain()`: the real token has none and the app must
/// cope), and no public mint: a master minter configures minters, each minting within its allowance.
/// @dev Never deployed to a real network. The permit is hand-written because OpenZeppelin's ERC20Permit (through
/// EIP712) would add `eip712Domain()`, which would let the app pass against the stand-in and fail against USDC.
contract FiatTokenStandIn is ERC20, Nonces {
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    address public immutable masterMinter;
    mapping(address minter => bool) public isMinter;
    mapping(address minter => uint256) public minterAllowance;

    event MinterConfigured(address indexed minter, uint256 minterAllowedAmount);
    event MinterRemoved(address indexed oldMinter);
    event Mint(address indexed minter, address indexed to, uint256 amount);

    error NotMasterMinter(address caller);
    error NotMinter(address caller);
    error MintExceedsAllowance(uint256 amount, uint256 allowance);
    error PermitExpired(uint256 deadline);
    error InvalidPermitSignature(address signer, address owner);

    constructor(address masterMinter_) ERC20("USDC", "USDC") {
        masterMinter = masterMinter_;
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice FiatToken's EIP-712 domain version.
    function version() external pure returns (string memory) {
        return "2";
    }

    /// @notice Computed per call, as FiatToken v2.2 does, so a chain id change (a fork) yields the right domain.
    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(name())), keccak256("2"), block.chainid, address(this))
        );
    }

    function configureMinter(address minter, uint256 minterAllowedAmount) external returns (bool) {
        if (msg.sender != masterMinter) revert NotMasterMinter(msg.sender);
        isMinter[minter] = true;
        minterAllowance[minter] = minterAllowedAmount;
        emit MinterConfigured(minter, minterAllowedAmount);
        return true;
    }

    function removeMinter(address minter) external returns (bool) {
        if (msg.sender != masterMinter) revert NotMasterMinter(msg.sender);
        isMinter[minter] = false;
        minterAllowance[minter] = 0;
        emit MinterRemoved(minter);
        return true;
    }

    /// @notice Same selector as MockUSDC's faucet `mint(address,uint256)`, which is why the deploy command's faucet
    /// probe (a mint from a random address) must revert here.
    function mint(address to, uint256 amount) external returns (bool) {
        if (!isMinter[msg.sender]) revert NotMinter(msg.sender);
        uint256 allowance = minterAllowance[msg.sender];
        if (amount > allowance) revert MintExceedsAllowance(amount, allowance);
        minterAllowance[msg.sender] = allowance - amount;
        _mint(to, amount);
        emit Mint(msg.sender, to, amount);
        return true;
    }

    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
    {
        if (block.timestamp > deadline) revert PermitExpired(deadline);
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, _useNonce(owner), deadline));
        address signer = ECDSA.recover(MessageHashUtils.toTypedDataHash(DOMAIN_SEPARATOR(), structHash), v, r, s);
        if (signer != owner) revert InvalidPermitSignature(signer, owner);
        _approve(owner, spender, value);
    }
}
