// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {ExitQueueFixture} from "./utils/ExitQueueFixture.sol";

/// ERC-7887 synchronous cancellation, and claims of filled redemptions through redeem and withdraw.
contract FinancingPoolExitCancelAndClaimTest is ExitQueueFixture {
    // ─── Cancel (ERC-7887, synchronous) ─────────────────────────────────────────────────────────────────

    function test_cancel_unlocksPendingShares() public {
        _fullyDeployed();
        uint256 id = _request(alice, 600e18);
        vm.expectEmit(true, true, false, true, address(pool));
        emit CancelRedeemRequest(alice, id, alice);
        vm.expectEmit(true, true, true, true, address(pool));
        emit CancelRedeemClaim(alice, alice, id, alice, 600e18);
        vm.prank(alice);
        pool.cancelRedeemRequest(id, alice);

        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertFalse(pool.pendingCancelRedeemRequest(id, alice), "nothing waits: cancellation is synchronous");
        assertEq(pool.claimableCancelRedeemRequest(id, alice), 0);
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.unlockedShares(alice), 1_000e18);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(pool.queueHead(), 0);
        // The queue no longer waits, and a fill does not reach the cancelled request.
        _repay(assetA, 500e6);
        assertEq(_fill(), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 0);
        assertEq(pool.idle(), 500e6);
        assertEq(pool.maxWithdraw(alice), 500e6);
        vm.prank(alice);
        pool.transfer(bob, 1_000e18);
        assertEq(pool.balanceOf(bob), 2_000e18);

        vm.expectRevert(PoolStorage.NothingToClaim.selector);
        pool.claimCancelRedeemRequest(id, alice, alice);
    }

    function test_cancel_afterPartialFill_keepsFilledPartClaimable() public {
        _fullyDeployed();
        uint256 id = _request(alice, 600e18);
        _repay(assetA, 200e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(id, alice), 200e18);

        vm.expectEmit(true, true, true, true, address(pool));
        emit CancelRedeemClaim(alice, alice, id, alice, 400e18);
        vm.prank(alice);
        pool.cancelRedeemRequest(id, alice);

        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 200e18);
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.balanceOf(alice), 800e18);
        assertEq(pool.pendingRedeemShares(), 0);

        vm.expectEmit(true, true, false, true, address(pool));
        emit RedemptionClaimed(alice, carol, 200e18, 200e6);
        vm.expectEmit(true, true, true, true, address(pool));
        emit Withdraw(alice, carol, alice, 200e6, 200e18);
        vm.prank(alice);
        uint256 paid = pool.redeem(200e18, carol, alice);
        assertEq(paid, 200e6);
        assertEq(usdc.balanceOf(carol), 200e6);
        assertEq(pool.claimableRedeemRequest(id, alice), 0);
        _assertBooksBalance();
    }

    function test_cancel_letsTheNextRequestBeFilled() public {
        _fullyDeployed();
        uint256 id0 = _request(alice, 500e18);
        uint256 id1 = _request(bob, 300e18);
        vm.prank(alice);
        pool.cancelRedeemRequest(id0, alice);
        assertEq(pool.sharesAheadOf(id1), 0);
        assertEq(pool.queueHead(), id1);
        _repay(assetA, 300e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(id1, bob), 300e18);
        assertEq(pool.queueHead(), 0);
    }

    /// Cancelling from the middle of the queue unlinks the request: the others keep their order.
    function test_cancel_fromTheMiddle_keepsTheOthersInOrder() public {
        _fullyDeployed();
        uint256 id1 = _request(alice, 100e18);
        uint256 id2 = _request(bob, 200e18);
        uint256 id3 = _request(alice, 300e18);
        vm.prank(bob);
        pool.cancelRedeemRequest(id2, bob);
        assertEq(pool.redeemRequest(id1).next, id3);
        assertEq(pool.redeemRequest(id3).prev, id1);
        assertEq(pool.sharesAheadOf(id3), 100e18);
        assertEq(pool.queueTail(), id3);
        vm.prank(alice);
        pool.cancelRedeemRequest(id3, alice);
        assertEq(pool.queueTail(), id1);
        assertEq(pool.redeemRequest(id1).next, 0);
        uint256 id4 = _request(bob, 50e18);
        assertEq(pool.redeemRequest(id1).next, id4);
        assertEq(pool.sharesAheadOf(id4), 100e18);
    }

    function test_cancel_reverts() public {
        _fullyDeployed();
        uint256 id = _request(alice, 100e18);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.NotControllerOrOperator.selector, alice, bob));
        vm.prank(bob);
        pool.cancelRedeemRequest(id, alice);

        // Not bob's request.
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.UnknownRequest.selector, id));
        vm.prank(bob);
        pool.cancelRedeemRequest(id, bob);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.UnknownRequest.selector, 5));
        vm.prank(alice);
        pool.cancelRedeemRequest(5, alice);

        // An operator of the controller may cancel.
        vm.prank(alice);
        pool.setOperator(carol, true);
        vm.prank(carol);
        pool.cancelRedeemRequest(id, alice);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.UnknownRequest.selector, id));
        vm.prank(alice);
        pool.cancelRedeemRequest(id, alice);
    }

    function test_cancel_ofFullyFilledRequestReverts() public {
        _deposit(alice, 100e6);
        uint256 id = _request(alice, 100e18);
        _fill();
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.UnknownRequest.selector, id));
        vm.prank(alice);
        pool.cancelRedeemRequest(id, alice);
    }

    // ─── Claim ──────────────────────────────────────────────────────────────────────────────────────────

    function test_claim_paysReceiverAndEmits_withoutBurning() public {
        _fullyDeployed();
        uint256 id = _request(alice, 400e18);
        _repay(assetA, 400e6);
        _fill();
        uint256 before = usdc.balanceOf(address(pool));
        uint256 supply = pool.totalSupply();

        vm.expectEmit(true, true, false, true, address(pool));
        emit RedemptionClaimed(alice, bob, 400e18, 400e6);
        vm.expectEmit(true, true, true, true, address(pool));
        emit Withdraw(alice, bob, alice, 400e6, 400e18);
        vm.prank(alice);
        uint256 paid = pool.redeem(400e18, bob, alice);

        assertEq(paid, 400e6);
        assertEq(pool.totalSupply(), supply, "the shares were burned at the fill");
        assertEq(usdc.balanceOf(bob), 400e6);
        assertEq(usdc.balanceOf(alice), 0);
        assertEq(usdc.balanceOf(address(pool)), before - 400e6);
        assertEq(pool.reservedForRedemptions(), 0);
        (uint256 shares, uint256 assets) = _claimable(alice);
        assertEq(shares, 0);
        assertEq(assets, 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 0);
        PoolStorage.Request memory r = pool.redeemRequest(id);
        assertEq(r.owner, alice);
        assertEq(r.filledShares, 400e18);
        _assertBooksBalance();
    }

    /// withdraw claims by assets, in parts; the shares it reports round up, and the last part takes the rest.
    function test_claim_throughWithdraw_inParts() public {
        _fullyDeployed();
        _impair(assetA, 333_333_333); // an awkward price
        _request(alice, 600e18);
        _repay(assetA, 1_000e6);
        _fill();
        (uint256 shares, uint256 assets) = _claimable(alice);
        assertEq(pool.maxWithdraw(alice), assets);
        vm.prank(alice);
        uint256 burned = pool.withdraw(assets / 3, alice, alice);
        assertEq(burned, Math.mulDiv(assets / 3, shares, assets, Math.Rounding.Ceil));
        (uint256 sharesLeft, uint256 assetsLeft) = _claimable(alice);
        assertEq(sharesLeft, shares - burned);
        assertEq(assetsLeft, assets - assets / 3);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsClaimable.selector, assetsLeft + 1, assetsLeft));
        vm.prank(alice);
        pool.withdraw(assetsLeft + 1, alice, alice);
        vm.prank(alice);
        assertEq(pool.withdraw(assetsLeft, alice, alice), sharesLeft);
        assertEq(usdc.balanceOf(alice), assets);
        assertEq(pool.reservedForRedemptions(), 0);
        _assertBooksBalance();
    }

    function test_claim_reverts() public {
        _fullyDeployed();
        _request(alice, 400e18);

        // Still pending: nothing to claim, so redeem is an instant exit, closed while the queue waits.
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 400e18, 0));
        vm.prank(alice);
        pool.redeem(400e18, alice, alice);

        _repay(assetA, 400e6);
        _fill();
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.NotControllerOrOperator.selector, alice, bob));
        vm.prank(bob);
        pool.redeem(400e18, bob, alice);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsClaimable.selector, 400e18 + 1, 400e18));
        vm.prank(alice);
        pool.redeem(400e18 + 1, alice, alice);
        vm.expectRevert(PoolStorage.ZeroAmount.selector);
        vm.prank(alice);
        pool.redeem(0, alice, alice);

        _claimRedemption(alice);
        // Already claimed: redeem is an instant exit again, and there is no idle.
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 400e18, 0));
        vm.prank(alice);
        pool.redeem(400e18, alice, alice);
        assertEq(usdc.balanceOf(alice), 400e6);
    }

    function test_claim_isUnaffectedByLaterLoss() public {
        _fullyDeployed();
        _request(alice, 400e18);
        _repay(assetA, 400e6);
        _fill();
        _impair(assetA, 1_000e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 1_000e6);
        assertEq(_claimRedemption(alice), 400e6);
    }

    function test_fill_isAtThePriceOfFillTime() public {
        _fullyDeployed();
        _request(alice, 500e18);
        _impair(assetA, 500e6); // -25 %: 1,500 USDC for 2,000 shares
        uint256 expected = pool.previewRedeem(500e18);
        assertEq(expected, 375e6);
        _repay(assetA, 1_000e6);
        _fill();
        assertEq(_claimableAssets(alice), expected);
        assertEq(_claimRedemption(alice), 375e6);
    }
}
