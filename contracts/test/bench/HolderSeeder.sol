// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Gives pool shares to many distinct addresses in one transaction, so the benchmark can measure a
/// distribution with 10,000 holders without sending 10,000 transactions.
contract HolderSeeder {
    function spread(IERC20 shares, uint160 firstHolder, uint256 count, uint256 each) external {
        for (uint256 i = 0; i < count; i++) {
            shares.transfer(address(firstHolder + uint160(i)), each);
        }
    }
}
