// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {FinancingPool} from "../../src/FinancingPool.sol";

/// @notice The queue-griefing attack of issue 9, for the gas bench: many cancelled requests and many
/// minimum-sized pending ones, made in a few transactions.
contract QueueGriefer {
    function deposit(FinancingPool pool, uint256 assets) external {
        IERC20(pool.asset()).approve(address(pool), assets);
        pool.deposit(assets, address(this));
    }

    function requestAndCancel(FinancingPool pool, uint256 shares, uint256 count) external {
        for (uint256 i = 0; i < count; i++) {
            uint256 id = pool.requestRedeem(shares, address(this), address(this));
            pool.cancelRedeemRequest(id, address(this));
        }
    }

    function requestMany(FinancingPool pool, uint256 shares, uint256 count) external {
        for (uint256 i = 0; i < count; i++) {
            pool.requestRedeem(shares, address(this), address(this));
        }
    }
}
