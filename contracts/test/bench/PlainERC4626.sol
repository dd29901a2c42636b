// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";

/// @notice The baseline of the gas benchmark: OpenZeppelin's ERC-4626 with nothing added.
contract PlainERC4626 is ERC4626 {
    constructor(IERC20 asset_) ERC20("Plain Vault", "PLAIN") ERC4626(asset_) {}
}
