// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {ExitQueueFixture} from "./utils/ExitQueueFixture.sol";

/// Filling the queue from idle cash: first in first out, partly, by anyone, and instant exits held back meanwhile.
contract FinancingPoolExitFillsTest is ExitQueueFixture {
    // ─── Filling ────────────────────────────────────────────────────────────────────────────────────────

    function test_pendingRequest_isFilledAfterRepayment() public {
        _fullyDeployed();
        uint256 id = _request(alice, 600e18);
        assertEq(pool.pendingRedeemRequest(id, alice), 600e18, "stays pending: no idle");

        _repay(assetA, 600e6);
        assertEq(pool.pendingRedeemRequest(id, alice), 600e18, "a repayment does not fill by itself");
        assertEq(pool.idle(), 600e6);
        assertEq(pool.deployableCapital(), 0, "what the queue is owed cannot be redeployed");

        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequestFilled(id, alice, alice, 600e18, 600e6);
        _fill();

        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 600e18);
        assertEq(_claimableAssets(alice), 600e6);
        assertEq(pool.redeemRequest(id).filledShares, 600e18);
        assertEq(pool.balanceOf(alice), 400e18, "filled shares are burned");
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(pool.reservedForRedemptions(), 600e6);
        assertEq(pool.idle(), 0);
        assertEq(pool.totalAssets(), 1_400e6);
        assertEq(pool.totalSupply(), 1_400e18);
        assertEq(pool.queueHead(), 0);
        _assertBooksBalance();
    }

    function test_pendingRequest_isFilledAfterDeposit() public {
        _fullyDeployed();
        uint256 id = _request(bob, 250e18);
        _deposit(carol, 1_000e6);
        assertEq(pool.pendingRedeemRequest(id, bob), 250e18, "a deposit does not fill by itself");
        _fill();
        assertEq(pool.claimableRedeemRequest(id, bob), 250e18);
        assertEq(pool.pendingRedeemRequest(id, bob), 0);
        assertEq(pool.idle(), 750e6);
        assertEq(pool.balanceOf(carol), 1_000e18, "depositor gets shares at the pre-fill price");
        assertEq(_claimRedemption(bob), 250e6);
        _assertBooksBalance();
    }

    function test_partialFill_ofHeadRequest() public {
        _fullyDeployed();
        uint256 id0 = _request(alice, 600e18);
        uint256 id1 = _request(bob, 300e18);

        _repay(assetA, 250e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(id0, alice), 250e18);
        assertEq(pool.pendingRedeemRequest(id0, alice), 350e18);
        assertEq(pool.pendingRedeemRequest(id1, bob), 300e18, "nothing reaches the second request");
        assertEq(pool.claimableRedeemRequest(id1, bob), 0);
        assertEq(pool.queueHead(), id0);
        assertEq(pool.pendingRedeemShares(), 650e18);
        assertEq(pool.lockedShares(alice), 350e18);

        // Partial fills accumulate for the same controller.
        _repay(assetA, 100e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(id0, alice), 350e18);
        assertEq(_claimableAssets(alice), 350e6);
        assertEq(pool.redeemRequest(id0).filledShares, 350e18);
        assertEq(pool.pendingRedeemRequest(id0, alice), 250e18);

        // The head completes and the rest spills over to the next one.
        _repay(assetA, 400e6);
        _fill();
        assertEq(pool.pendingRedeemRequest(id0, alice), 0);
        assertEq(pool.claimableRedeemRequest(id0, alice), 600e18);
        assertEq(pool.claimableRedeemRequest(id1, bob), 150e18);
        assertEq(pool.pendingRedeemRequest(id1, bob), 150e18);
        assertEq(pool.queueHead(), id1);
        _assertBooksBalance();
    }

    function test_fifoOrder_acrossThreeRequesters() public {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deposit(carol, 1_000e6);
        _deploy(assetA, 3_000e6);
        uint256 idA = _request(carol, 500e18); // carol first
        uint256 idB = _request(alice, 200e18);
        uint256 idC = _request(bob, 300e18);
        assertEq(idA, 1);
        assertEq(idB, 2);
        assertEq(idC, 3);
        assertEq(pool.sharesAheadOf(idA), 0);
        assertEq(pool.sharesAheadOf(idB), 500e18);
        assertEq(pool.sharesAheadOf(idC), 700e18);

        _repay(assetA, 499e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(idA, carol), 499e18);
        assertEq(pool.claimableRedeemRequest(idB, alice), 0);
        assertEq(pool.claimableRedeemRequest(idC, bob), 0);
        assertEq(pool.sharesAheadOf(idB), 1e18);
        assertEq(pool.sharesAheadOf(idC), 201e18);

        _repay(assetA, 201e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(idA, carol), 500e18);
        assertEq(pool.claimableRedeemRequest(idB, alice), 200e18);
        assertEq(pool.claimableRedeemRequest(idC, bob), 0);
        assertEq(pool.sharesAheadOf(idC), 0);
        assertEq(pool.queueHead(), idC);

        _repay(assetA, 1_000e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(idC, bob), 300e18);
        assertEq(pool.idle(), 700e6);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(pool.queueHead(), 0);

        assertEq(_claimRedemption(bob), 300e6);
        assertEq(_claimRedemption(carol), 500e6);
        assertEq(_claimRedemption(alice), 200e6);
        assertEq(pool.reservedForRedemptions(), 0);
        _assertBooksBalance();
    }

    function test_fillRedemptions_callableByAnyone_boundedByMaxRequests() public {
        _fullyDeployed();
        for (uint256 i = 0; i < 10; i++) {
            _request(alice, 10e18);
        }
        _repay(assetA, 1_000e6);
        vm.prank(stranger);
        assertEq(pool.fillRedemptions(8), 8);
        assertEq(pool.queueHead(), 9);
        assertEq(pool.pendingRedeemShares(), 20e18);
        assertEq(pool.idle(), 920e6);
        assertEq(pool.pendingRedeemRequest(9, alice), 10e18);
        assertEq(pool.pendingRedeemRequest(10, alice), 10e18);

        vm.prank(stranger);
        uint256 filled = pool.fillRedemptions(1);
        assertEq(filled, 1);
        assertEq(pool.queueHead(), 10);
        vm.prank(stranger);
        filled = pool.fillRedemptions(50);
        assertEq(filled, 1);
        assertEq(pool.queueHead(), 0);
        assertEq(pool.queueTail(), 0);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(pool.idle(), 900e6);
        assertEq(pool.reservedForRedemptions(), 100e6);
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.balanceOf(alice), 900e18);
        // Ten fills, one claim of them all.
        assertEq(pool.claimableRedeemRequest(3, alice), 100e18);
        assertEq(_claimRedemption(alice), 100e6);

        // Nothing left: a further call fills nothing.
        vm.prank(stranger);
        assertEq(pool.fillRedemptions(10), 0);
        _assertBooksBalance();
    }

    function test_fillRedemptions_withoutIdleFillsNothing() public {
        _fullyDeployed();
        uint256 id = _request(alice, 100e18);
        vm.prank(stranger);
        assertEq(pool.fillRedemptions(10), 0);
        assertEq(pool.pendingRedeemShares(), 100e18);
        assertEq(pool.queueHead(), id);
    }

    function test_whileQueueWaits_maxWithdrawIsZeroForEveryone() public {
        _fullyDeployed();
        for (uint256 i = 0; i < 10; i++) {
            _request(alice, 10e18);
        }
        _repay(assetA, 1_000e6);
        pool.fillRedemptions(8);
        // Idle is there, but two requests still wait: nobody may jump the queue.
        assertEq(pool.idle(), 920e6);
        assertGt(pool.pendingRedeemShares(), 0);
        assertEq(pool.maxWithdraw(bob), 0);
        assertEq(pool.maxRedeem(bob), 0);
        // alice's limits are her filled redemptions, which she claims.
        assertEq(pool.maxWithdraw(alice), 80e6);
        assertEq(pool.maxRedeem(alice), 80e18);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, bob, 1e18, 0));
        vm.prank(bob);
        pool.redeem(1e18, bob, bob);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, bob, 1e6, 0));
        vm.prank(bob);
        pool.withdraw(1e6, bob, bob);

        pool.fillRedemptions(10);
        assertEq(pool.maxWithdraw(bob), 900e6);
        assertEq(pool.maxRedeem(bob), 900e18);
        vm.prank(bob);
        pool.redeem(900e18, bob, bob);
        assertEq(usdc.balanceOf(bob), 900e6);
    }

    function test_whileQueueWaits_withNoIdle_maxWithdrawIsZero() public {
        _fullyDeployed();
        _request(alice, 10e18);
        assertEq(pool.maxWithdraw(bob), 0);
        assertEq(pool.maxRedeem(bob), 0);
        assertEq(pool.maxWithdraw(carol), 0);
    }
}
