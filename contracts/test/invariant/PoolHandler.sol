// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FinancingPool} from "../../src/FinancingPool.sol";
import {MockUSDC} from "../../src/MockUSDC.sol";
import {PoolHandlerDepositors} from "./PoolHandlerDepositors.sol";
import {PoolHandlerQueue} from "./PoolHandlerQueue.sol";
import {PoolHandlerRevenue} from "./PoolHandlerRevenue.sol";
import {PoolHandlerManager} from "./PoolHandlerManager.sol";
import {PoolHandlerBase} from "./PoolHandlerBase.sol";

/// @notice Drives one FinancingPool with bounded, valid actions from five fixed actors (who also act as each
/// other's ERC-7540 operators, spenders and controllers), plus the manager, the reporter, the guardian and the
/// admin, and keeps ghost accounting to check the pool against.
///
/// Every action is bounded so that it should succeed. A call that reverts although its inputs are within the
/// limits the pool itself advertises (maxDeposit, maxWithdraw, maxRedeem, unlockedShares, idle, outstanding,
/// claimable...) is not swallowed: it sets `unexpectedRevert`, which an invariant asserts false. The only paths
/// skipped on purpose are those the pool documents as unavailable (e.g. nothing to claim, or anything but claims
/// and cancellations while paused).
///
/// After every action the handler diffs the state it watches:
/// - the pool's events (RedeemRequestFilled, RevenueClaimed, Transfer) from `vm.recordLogs`;
/// - every actor's claimableRevenue against the value it saw after the previous action.
///
/// State and bookkeeping are in PoolHandlerBase, the actions in one mixin per kind of caller; the environment
/// (time, donations) is here.
contract PoolHandler is PoolHandlerDepositors, PoolHandlerQueue, PoolHandlerRevenue, PoolHandlerManager {
    constructor(
        FinancingPool pool_,
        MockUSDC usdc_,
        address admin_,
        address manager_,
        address reporter_,
        address guardian_,
        uint256 assetA,
        uint256 assetB
    ) PoolHandlerBase(pool_, usdc_, admin_, manager_, reporter_, guardian_, assetA, assetB) {}

    // ─── Environment ───────────────────────────────────────────────────────────────────────────────────

    function warp(uint256 dt) external track("warp") {
        currentTime += _bound(dt, 1, MAX_WARP);
        vm.warp(currentTime);
        if (pool.paused()) {
            vm.prank(guardian);
            try pool.unpause() {}
            catch (bytes memory err) {
                _unexpected(err);
            }
        }
    }

    /// USDC sent straight to the pool: must move neither the share price nor any claim.
    function donate(uint256 amount) external track("donate") {
        amount = _bound(amount, 1, 100_000e6);
        usdc.mint(address(pool), amount);
        ghostDonated += amount;
    }
}
