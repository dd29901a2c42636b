// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @notice USDC stand-in for local and test chains: 6 decimals, EIP-2612 permit, and an open faucet.
/// @dev Never deployed to a real network; real deployments point the pools at the chain's USDC.
contract MockUSDC is ERC20, ERC20Permit {
    error NotALocalChain(uint256 chainId);

    /// @dev The open faucet must never exist on a real network: only anvil/hardhat (31337) and 1337 may deploy it.
    constructor() ERC20("USD Coin (Mock)", "USDC") ERC20Permit("USD Coin (Mock)") {
        if (block.chainid != 31337 && block.chainid != 1337) revert NotALocalChain(block.chainid);
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Faucet: anyone may mint to anyone. Local chains only.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
