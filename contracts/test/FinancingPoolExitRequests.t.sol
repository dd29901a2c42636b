// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {ExitQueueFixture} from "./utils/ExitQueueFixture.sol";

/// ERC-7540 requestRedeem: what it locks, who may request, the minimum size.
contract FinancingPoolExitRequestsTest is ExitQueueFixture {
    // ─── requestRedeem: locking ─────────────────────────────────────────────────────────────────────────

    function test_requestRedeem_locksSharesAndEmits() public {
        _fullyDeployed();
        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequest(alice, alice, 1, alice, 600e18);
        uint256 id = _request(alice, 600e18);

        assertEq(id, 1, "ids start at 1");
        assertEq(pool.redeemRequestCount(), 1);
        assertEq(pool.queueHead(), 1);
        assertEq(pool.queueTail(), 1);
        assertEq(pool.lockedShares(alice), 600e18);
        assertEq(pool.unlockedShares(alice), 400e18);
        assertEq(pool.balanceOf(alice), 1_000e18, "shares stay with the owner until filled");
        assertEq(pool.pendingRedeemShares(), 600e18);
        assertEq(pool.pendingRedeemRequest(id, alice), 600e18);
        assertEq(pool.claimableRedeemRequest(id, alice), 0);
        PoolStorage.Request memory r = pool.redeemRequest(id);
        assertEq(r.owner, alice);
        assertEq(r.controller, alice);
        assertEq(r.pendingShares, 600e18);
        assertEq(r.filledShares, 0);
        assertEq(r.prev, 0);
        assertEq(r.next, 0);
    }

    function test_requestRedeem_lockedSharesCannotBeTransferred() public {
        _fullyDeployed();
        _request(alice, 600e18);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.SharesLocked.selector, alice, 400e18 + 1, 400e18));
        vm.prank(alice);
        pool.transfer(bob, 400e18 + 1);

        vm.prank(alice);
        pool.approve(carol, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.SharesLocked.selector, alice, 1_000e18, 400e18));
        vm.prank(carol);
        pool.transferFrom(alice, carol, 1_000e18);

        // The unlocked part moves freely.
        vm.prank(alice);
        pool.transfer(bob, 400e18);
        assertEq(pool.balanceOf(alice), 600e18);
        assertEq(pool.unlockedShares(alice), 0);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.SharesLocked.selector, alice, 1, 0));
        vm.prank(alice);
        pool.transfer(bob, 1);
    }

    function test_requestRedeem_lockedSharesCannotBeRedeemedInstantly() public {
        _fullyDeployed();
        _request(alice, 1_000e18);
        _repay(assetA, 500e6);
        _fill(); // fills half of alice's request; the rest stays locked and queued
        assertEq(pool.lockedShares(alice), 500e18);

        // With filled redemptions, alice's redeem is a claim of them, and only of them.
        assertEq(pool.maxRedeem(alice), 500e18);
        assertEq(_claimRedemption(alice), 500e6);
        // What is left is locked (and the queue waits): no instant exit.
        assertEq(pool.maxRedeem(alice), 0);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 500e18, 0));
        vm.prank(alice);
        pool.redeem(500e18, alice, alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, alice, 1, 0));
        vm.prank(alice);
        pool.withdraw(1, alice, alice);
        // Locked shares cannot back a second request either.
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.SharesLocked.selector, alice, 1, 0));
        vm.prank(alice);
        pool.requestRedeem(1, alice, alice);
    }

    function test_requestRedeem_revertsOnZeroOrMoreThanUnlocked() public {
        _deposit(alice, 100e6);
        vm.expectRevert(PoolStorage.ZeroAmount.selector);
        vm.prank(alice);
        pool.requestRedeem(0, alice, alice);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.SharesLocked.selector, alice, 100e18 + 1, 100e18));
        vm.prank(alice);
        pool.requestRedeem(100e18 + 1, alice, alice);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.SharesLocked.selector, stranger, 1, 0));
        vm.prank(stranger);
        pool.requestRedeem(1, stranger, stranger);

        vm.expectRevert(PoolStorage.InvalidParameter.selector);
        vm.prank(alice);
        pool.requestRedeem(50e18, address(0), alice);
        assertEq(pool.redeemRequestCount(), 0);
    }

    /// A request is worth at least the minimum deposit, so that dust cannot clog the queue; an owner's whole
    /// unlocked position can always leave, if it is worth anything.
    function test_requestRedeem_minimumSize() public {
        _deposit(alice, 100e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumRequest.selector, 5e6, MIN_DEPOSIT));
        vm.prank(alice);
        pool.requestRedeem(5e18, alice, alice);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumRequest.selector, 0, MIN_DEPOSIT));
        vm.prank(alice);
        pool.requestRedeem(1, alice, alice);
        _request(alice, MIN_DEPOSIT * OFFSET);

        vm.prank(alice);
        pool.transfer(carol, 5e18);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumRequest.selector, 4e6, MIN_DEPOSIT));
        vm.prank(carol);
        pool.requestRedeem(4e18, carol, carol);
        uint256 id = _request(carol, 5e18); // the whole position
        assertEq(pool.pendingRedeemRequest(id, carol), 5e18);
        // But never a request worth nothing, even of a whole (dust) position: it would only cost fillers gas.
        vm.prank(alice);
        pool.transfer(bob, 1);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumRequest.selector, 0, MIN_DEPOSIT));
        vm.prank(bob);
        pool.requestRedeem(1, bob, bob);
    }

    /// ERC-7540: an operator of the owner, or a spender with an allowance, may request for the owner; the
    /// controller (who claims) may be someone else.
    function test_requestRedeem_byOperatorOrSpender_forAnotherController() public {
        _fullyDeployed();
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, stranger, 0, 100e18));
        vm.prank(stranger);
        pool.requestRedeem(100e18, stranger, alice);

        vm.expectEmit(true, true, false, true, address(pool));
        emit OperatorSet(alice, bob, true);
        vm.prank(alice);
        assertTrue(pool.setOperator(bob, true));
        assertTrue(pool.isOperator(alice, bob));
        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequest(carol, alice, 1, bob, 100e18);
        vm.prank(bob);
        uint256 id1 = pool.requestRedeem(100e18, carol, alice);

        vm.prank(alice);
        pool.approve(stranger, 150e18);
        vm.prank(stranger);
        uint256 id2 = pool.requestRedeem(150e18, stranger, alice);
        assertEq(pool.allowance(alice, stranger), 0, "the allowance is spent");

        assertEq(pool.lockedShares(alice), 250e18, "the owner's shares are locked");
        assertEq(pool.pendingRedeemRequest(id1, carol), 100e18);
        assertEq(pool.pendingRedeemRequest(id1, alice), 0, "the owner is not the controller");
        assertEq(pool.pendingRedeemRequest(id2, stranger), 150e18);

        _repay(assetA, 250e6);
        _fill();
        assertEq(pool.balanceOf(alice), 750e18, "the owner's shares are burned");
        // Only the controller (or its operator) claims.
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.NotControllerOrOperator.selector, carol, alice));
        vm.prank(alice);
        pool.redeem(100e18, alice, carol);
        vm.prank(carol);
        pool.setOperator(bob, true);
        vm.prank(bob);
        assertEq(pool.redeem(100e18, bob, carol), 100e6);
        assertEq(usdc.balanceOf(bob), 100e6);
        assertEq(_claimRedemption(stranger), 150e6);
        assertEq(usdc.balanceOf(alice), 0);

        // Operators cannot be oneself; revoking works.
        vm.expectRevert(PoolStorage.InvalidParameter.selector);
        vm.prank(alice);
        pool.setOperator(alice, true);
        vm.prank(alice);
        pool.setOperator(bob, false);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 0, 100e18));
        vm.prank(bob);
        pool.requestRedeem(100e18, bob, alice);
        _assertBooksBalance();
    }

    /// A request never fills itself, even with ample idle: fillRedemptions does (anyone may call it).
    function test_requestRedeem_withAmpleIdle_staysPendingUntilFilled() public {
        _deposit(alice, 1_000e6);
        uint256 id = _request(alice, 300e18);
        assertEq(pool.pendingRedeemRequest(id, alice), 300e18);
        assertEq(pool.idle(), 1_000e6);
        assertEq(pool.maxRedeem(alice), 0, "the queue waits");

        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequestFilled(id, alice, alice, 300e18, 300e6);
        vm.prank(stranger);
        assertEq(pool.fillRedemptions(10), 1);
        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 300e18);
        assertEq(pool.balanceOf(alice), 700e18);
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.idle(), 700e6);
        assertEq(pool.reservedForRedemptions(), 300e6);
        assertEq(pool.queueHead(), 0, "the queue is empty");
        assertEq(pool.queueTail(), 0);
        assertEq(_claimRedemption(alice), 300e6);
        assertEq(usdc.balanceOf(alice), 300e6);
        _assertBooksBalance();
    }

    function test_fill_beyondIdle_partlyFillsFromIdleAndQueuesTheRest() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        uint256 id = _request(alice, 500e18);
        _fill();
        assertEq(pool.claimableRedeemRequest(id, alice), 200e18);
        assertEq(pool.pendingRedeemRequest(id, alice), 300e18);
        assertEq(pool.idle(), 0);
        assertEq(pool.reservedForRedemptions(), 200e6);
        assertEq(pool.lockedShares(alice), 300e18);
        assertEq(pool.balanceOf(alice), 800e18);
        assertEq(pool.queueHead(), id, "a partly filled request stays at the head");
    }
}
