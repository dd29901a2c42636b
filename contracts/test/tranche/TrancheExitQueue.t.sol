// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {TrancheVault} from "../../src/tranche/TrancheVault.sol";
import {TranchedPoolFixture} from "./TranchedPoolFixture.sol";

/// @notice Queued exits per tranche (ERC-7540, ERC-7887): requests wait first in, first out for idle cash (and,
/// for junior, for room under the minimum subordination), keep earning, and are claimed at the fill's price.
contract TrancheExitQueueTest is TranchedPoolFixture {
    function setUp() public override {
        super.setUp();
        _deposit(junior, alice, 500_000 * USDC);
        _deposit(senior, bob, 1_000_000 * USDC);
        _deposit(senior, carol, 1_000_000 * USDC);
        vm.prank(manager);
        pool.deployCapital(assetA, 2_400_000 * USDC); // 100,000 idle
    }

    function _request(TrancheVault vault, address who, uint256 shares) internal returns (uint256 id) {
        vm.prank(who);
        id = vault.requestRedeem(shares, who, who);
    }

    function test_aSeniorExitBeyondIdleWaitsIsFilledFromRepaymentsAndClaimedAtTheFillPrice() public {
        uint256 shares = senior.balanceOf(bob);
        assertEq(senior.maxRedeem(bob), senior.convertToShares(100_000 * USDC), "only idle cash is instant");
        uint256 id = _request(senior, bob, shares);
        assertEq(senior.pendingRedeemRequest(id, bob), shares);
        assertEq(senior.lockedShares(bob), shares);
        assertEq(pool.deployableCapital(), 0, "what the queue is owed stays idle");

        senior.fillRedemptions(10); // 100,000 of idle: a partial fill
        (uint256 claimableShares, uint256 claimableAssets) = senior.claimableRedemption(bob);
        assertEq(claimableAssets, 100_000 * USDC);
        assertEq(senior.pendingRedeemRequest(id, bob), shares - claimableShares);

        vm.prank(manager);
        pool.recordRepayment(assetA, 900_000 * USDC);
        senior.fillRedemptions(10);
        (claimableShares, claimableAssets) = senior.claimableRedemption(bob);
        assertEq(claimableShares, shares);
        assertEq(claimableAssets, 1_000_000 * USDC);
        assertEq(senior.lockedShares(bob), 0);

        uint256 before = usdc.balanceOf(bob);
        vm.prank(bob);
        senior.redeem(shares, bob, bob);
        assertEq(usdc.balanceOf(bob) - before, 1_000_000 * USDC);
        assertEq(senior.reservedForRedemptions(), 0);
    }

    function test_aJuniorRequestIsFilledOnlyWithinTheMinimumSubordination() public {
        // Junior 500,000 of 2,500,000 is exactly 20 %: nothing of it may leave until senior shrinks.
        vm.prank(manager);
        pool.recordRepayment(assetA, 1_000_000 * USDC);
        uint256 id = _request(junior, alice, junior.balanceOf(alice) / 5); // 100,000
        junior.fillRedemptions(10);
        assertEq(junior.pendingRedeemRequest(id, alice), junior.balanceOf(alice) / 5, "nothing filled");
        (uint256 room, bool bySubordination) = pool.maxWithdraw(false);
        assertEq(room, 0);
        assertTrue(bySubordination);

        // Senior leaves 500,000: junior may now take out (500,000 − 0.2 × 2,000,000) / 0.8 = 125,000.
        vm.prank(bob);
        senior.withdraw(500_000 * USDC, bob, bob);
        junior.fillRedemptions(10);
        (, uint256 assets) = junior.claimableRedemption(alice);
        assertEq(assets, 100_000 * USDC);
        assertEq(pool.subordinationBps(), uint256(400_000) * 10_000 / 1_900_000);
    }

    function test_queuedSharesCannotMoveButKeepEarning() public {
        uint256 shares = senior.balanceOf(bob);
        _request(senior, bob, shares);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(TrancheVault.SharesLocked.selector, bob, 1, 0));
        senior.transfer(alice, 1);

        vm.warp(block.timestamp + 30 days);
        _distribute(assetA, 50_000 * USDC);
        vm.warp(block.timestamp + STREAM);
        assertApproxEqAbs(senior.claimableRevenue(bob), senior.claimableRevenue(carol), 1, "as much as a holder");
        assertGt(senior.claimableRevenue(bob), 0);
    }

    function test_noInstantExitJumpsTheQueue() public {
        _request(senior, bob, senior.balanceOf(bob));
        assertEq(senior.maxWithdraw(carol), 0);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, carol, 1 * USDC, 0));
        senior.withdraw(1 * USDC, carol, carol);
    }

    function test_aCancelReturnsWhatIsPendingAndKeepsWhatWasFilled() public {
        uint256 shares = senior.balanceOf(bob);
        uint256 id = _request(senior, bob, shares);
        senior.fillRedemptions(10);
        (uint256 filled,) = senior.claimableRedemption(bob);
        vm.prank(bob);
        senior.cancelRedeemRequest(id, bob);
        assertEq(senior.lockedShares(bob), 0);
        assertEq(senior.balanceOf(bob), shares - filled);
        assertEq(senior.queueHead(), 0);
        (uint256 stillClaimable,) = senior.claimableRedemption(bob);
        assertEq(stillClaimable, filled);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(TrancheVault.NotControllerOrOperator.selector, bob, carol));
        senior.cancelRedeemRequest(id, bob);
    }

    function test_claimsWorkWhilePausedAndFillsWait() public {
        _request(senior, bob, senior.balanceOf(bob));
        senior.fillRedemptions(10);
        vm.prank(manager);
        pool.recordRepayment(assetA, 500_000 * USDC);
        vm.prank(guardian);
        pool.pause();
        (uint256 shares, uint256 assets) = senior.claimableRedemption(bob);
        assertEq(senior.fillRedemptions(10), 0, "no fill while paused");
        (uint256 sharesAfter,) = senior.claimableRedemption(bob);
        assertEq(sharesAfter, shares);
        vm.prank(bob);
        assertEq(senior.redeem(shares, bob, bob), assets);
    }

    function test_aLossBeforeTheFillIsSharedByTheQueue() public {
        // Senior holders in the queue are still senior: a loss junior absorbs leaves their price alone.
        _request(senior, bob, senior.balanceOf(bob));
        _impair(assetA, 300_000 * USDC);
        vm.prank(manager);
        pool.recordRepayment(assetA, 1_000_000 * USDC);
        senior.fillRedemptions(10);
        (, uint256 assets) = senior.claimableRedemption(bob);
        assertEq(assets, 1_000_000 * USDC);
        assertEq(junior.totalAssets(), 200_000 * USDC);
    }

    function test_aRequestIsWorthAtLeastTheMinimumUnlessItIsTheWholePosition() public {
        uint256 dust = senior.convertToShares(99 * USDC);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(TrancheVault.BelowMinimumRequest.selector, 99 * USDC, 100 * USDC));
        senior.requestRedeem(dust, bob, bob);
        // A holder of less than the minimum may still queue all of it.
        vm.prank(bob);
        senior.transfer(makeAddr("small"), dust);
        vm.prank(makeAddr("small"));
        senior.requestRedeem(dust, makeAddr("small"), makeAddr("small"));
    }

    function test_theVaultsAnnounceTheirStandards() public view {
        assertTrue(senior.supportsInterface(0xe3bc4e65), "ERC-7540 operator");
        assertTrue(senior.supportsInterface(0x620ee8e4), "ERC-7540 redeem");
        assertTrue(senior.supportsInterface(0x2f0a18c5), "ERC-7575");
        assertEq(senior.share(), address(senior));
    }
}
