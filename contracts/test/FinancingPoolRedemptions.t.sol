// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Exits: instant withdraw/redeem up to idle, and the FIFO redemption queue (request, fill, cancel, claim).
contract FinancingPoolRedemptionsTest is ProtocolFixture {
    event RedeemRequest(
        address indexed controller, address indexed owner, uint256 indexed requestId, address sender, uint256 shares
    );
    event RedeemRequestCancelled(uint256 indexed requestId, address indexed owner, uint256 shares);
    event RedeemRequestFilled(uint256 indexed requestId, address indexed owner, uint256 shares, uint256 assets);
    event RedemptionClaimed(uint256 indexed requestId, address indexed owner, address indexed receiver, uint256 assets);

    uint256 internal constant OFFSET = 1e12; // 10 ** _decimalsOffset()

    address internal stranger = makeAddr("stranger");

    // ─── Helpers ────────────────────────────────────────────────────────────────────────────────────────

    function _request(address who, uint256 shares) internal returns (uint256 id) {
        vm.prank(who);
        id = pool.requestRedeem(shares);
    }

    function _claimRedemption(address who, uint256 id) internal returns (uint256 assets) {
        vm.prank(who);
        assets = pool.claimRedemption(id, who);
    }

    /// alice and bob each hold 1,000 USDC worth of shares, all of it deployed: idle is 0.
    function _fullyDeployed() internal {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deploy(assetA, 2_000e6);
        assertEq(pool.idle(), 0);
    }

    /// The pool's USDC is exactly what it owes: idle principal, filled redemptions and shareholders' revenue.
    function _assertBooksBalance() internal view {
        assertEq(usdc.balanceOf(address(pool)), pool.idle() + pool.reservedForRedemptions() + pool.revenueHeld(), "books");
        assertEq(pool.totalAssets(), pool.idle() + pool.outstandingPrincipal(), "totalAssets");
    }

    // ─── Instant exits ──────────────────────────────────────────────────────────────────────────────────

    function test_instantRedeem_paysUpToIdle() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 600e6);
        assertEq(pool.idle(), 400e6);
        assertEq(pool.maxRedeem(alice), 400e18);

        vm.prank(alice);
        uint256 assets = pool.redeem(400e18, alice, alice);
        assertEq(assets, 400e6);
        assertEq(usdc.balanceOf(alice), 400e6);
        assertEq(pool.balanceOf(alice), 600e18);
        assertEq(pool.idle(), 0);
        assertEq(pool.totalAssets(), 600e6);
        assertEq(pool.maxRedeem(alice), 0);
        assertEq(pool.maxWithdraw(alice), 0);

        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 1, 0));
        vm.prank(alice);
        pool.redeem(1, alice, alice);
        _assertBooksBalance();
    }

    function test_instantWithdraw_paysUpToIdle() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 750e6);
        assertEq(pool.maxWithdraw(alice), 250e6);

        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, alice, 250e6 + 1, 250e6));
        vm.prank(alice);
        pool.withdraw(250e6 + 1, alice, alice);

        vm.prank(alice);
        uint256 shares = pool.withdraw(250e6, bob, alice);
        assertEq(shares, 250e18);
        assertEq(usdc.balanceOf(bob), 250e6);
        assertEq(pool.balanceOf(alice), 750e18);
        assertEq(pool.idle(), 0);
        _assertBooksBalance();
    }

    function test_instantExit_byApprovedSpender() public {
        _deposit(alice, 100e6);
        vm.prank(alice);
        pool.approve(bob, 40e18);
        vm.prank(bob);
        pool.redeem(40e18, bob, alice);
        assertEq(usdc.balanceOf(bob), 40e6);
        assertEq(pool.allowance(alice, bob), 0);
        assertEq(pool.balanceOf(alice), 60e18);
    }

    function test_maxRedeem_boundedByBalanceWhenIdleIsAmple() public {
        _deposit(alice, 100e6);
        _deposit(bob, 900e6);
        assertEq(pool.maxRedeem(alice), 100e18);
        assertEq(pool.maxWithdraw(alice), 100e6);
        assertEq(pool.maxRedeem(carol), 0);
        assertEq(pool.maxWithdraw(carol), 0);
    }

    function test_maxRedeemAndMaxWithdraw_areTruthfulAfterDeployAndWriteDown() public {
        _deposit(alice, 1_000e6);
        _deposit(bob, 2_345_678_901);
        _deploy(assetA, 3_000e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 333_333_333); // an awkward share price
        uint256 maxShares = pool.maxRedeem(bob);
        uint256 maxAssets = pool.maxWithdraw(bob);
        assertLt(maxShares, pool.balanceOf(bob), "idle is the bound");
        assertLe(maxAssets, pool.idle());

        uint256 snap = vm.snapshotState();
        // One more wei of shares than maxRedeem reverts.
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, bob, maxShares + 1, maxShares)
        );
        vm.prank(bob);
        pool.redeem(maxShares + 1, bob, bob);
        // Exactly maxRedeem succeeds.
        uint256 idleBefore = pool.idle();
        vm.prank(bob);
        uint256 got = pool.redeem(maxShares, bob, bob);
        assertGt(got, 0);
        assertLe(got, idleBefore);
        assertEq(usdc.balanceOf(bob), got);
        assertEq(pool.idle(), idleBefore - got);
        _assertBooksBalance();

        vm.revertToState(snap);
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, bob, maxAssets + 1, maxAssets)
        );
        vm.prank(bob);
        pool.withdraw(maxAssets + 1, bob, bob);
        vm.prank(bob);
        pool.withdraw(maxAssets, bob, bob);
        assertEq(usdc.balanceOf(bob), maxAssets);
        _assertBooksBalance();
    }

    function testFuzz_maxRedeemAndMaxWithdraw_truthful(uint256 a, uint256 b, uint256 deployAmt, uint256 writeDown)
        public
    {
        a = bound(a, MIN_DEPOSIT, 1_000_000e6);
        b = bound(b, MIN_DEPOSIT, 1_000_000e6);
        _deposit(alice, a);
        _deposit(bob, b);
        deployAmt = bound(deployAmt, 0, a + b);
        if (deployAmt > 0) _deploy(assetA, deployAmt);
        writeDown = bound(writeDown, 0, deployAmt);
        if (writeDown > 0) {
            vm.prank(manager);
            pool.recordWriteDown(assetA, writeDown);
        }

        uint256 maxShares = pool.maxRedeem(alice);
        uint256 maxAssets = pool.maxWithdraw(alice);
        assertLe(maxAssets, pool.idle());

        uint256 snap = vm.snapshotState();
        if (maxShares > 0) {
            uint256 idleBefore = pool.idle();
            vm.prank(alice);
            uint256 got = pool.redeem(maxShares, alice, alice);
            assertLe(got, idleBefore);
            assertEq(usdc.balanceOf(alice), got);
            _assertBooksBalance();
        }
        vm.revertToState(snap);
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, maxShares + 1, maxShares)
        );
        vm.prank(alice);
        pool.redeem(maxShares + 1, alice, alice);

        vm.revertToState(snap);
        if (maxAssets > 0) {
            vm.prank(alice);
            pool.withdraw(maxAssets, alice, alice);
            assertEq(usdc.balanceOf(alice), maxAssets);
            _assertBooksBalance();
        }
        vm.revertToState(snap);
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, alice, maxAssets + 1, maxAssets)
        );
        vm.prank(alice);
        pool.withdraw(maxAssets + 1, alice, alice);
    }

    // ─── requestRedeem: locking ─────────────────────────────────────────────────────────────────────────

    function test_requestRedeem_locksSharesAndEmits() public {
        _fullyDeployed();
        vm.expectEmit(true, true, true, true, address(pool));
        emit RedeemRequest(alice, alice, 0, alice, 600e18);
        uint256 id = _request(alice, 600e18);

        assertEq(id, 0);
        assertEq(pool.redeemRequestCount(), 1);
        assertEq(pool.lockedShares(alice), 600e18);
        assertEq(pool.unlockedShares(alice), 400e18);
        assertEq(pool.balanceOf(alice), 1_000e18, "shares stay with the owner until filled");
        assertEq(pool.pendingRedeemShares(), 600e18);
        assertEq(pool.pendingRedeemRequest(id, alice), 600e18);
        assertEq(pool.claimableRedeemRequest(id, alice), 0);
        FinancingPool.Redemption memory r = pool.redeemRequest(id);
        assertEq(r.owner, alice);
        assertEq(r.pendingShares, 600e18);
        assertEq(r.claimableShares, 0);
        assertEq(r.claimableAssets, 0);
    }

    function test_requestRedeem_lockedSharesCannotBeTransferred() public {
        _fullyDeployed();
        _request(alice, 600e18);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, alice, 400e18 + 1, 400e18));
        vm.prank(alice);
        pool.transfer(bob, 400e18 + 1);

        vm.prank(alice);
        pool.approve(carol, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, alice, 1_000e18, 400e18));
        vm.prank(carol);
        pool.transferFrom(alice, carol, 1_000e18);

        // The unlocked part moves freely.
        vm.prank(alice);
        pool.transfer(bob, 400e18);
        assertEq(pool.balanceOf(alice), 600e18);
        assertEq(pool.unlockedShares(alice), 0);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, alice, 1, 0));
        vm.prank(alice);
        pool.transfer(bob, 1);
    }

    function test_requestRedeem_lockedSharesCannotBeRedeemedInstantly() public {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deploy(assetA, 2_000e6);
        _request(alice, 1_000e18);
        _repay(assetA, 500e6); // fills half of alice's request; the rest stays locked and queued
        assertEq(pool.lockedShares(alice), 500e18);

        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 500e18, 0));
        vm.prank(alice);
        pool.redeem(500e18, alice, alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, alice, 1, 0));
        vm.prank(alice);
        pool.withdraw(1, alice, alice);
        // Locked shares cannot back a second request either.
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, alice, 1, 0));
        vm.prank(alice);
        pool.requestRedeem(1);
    }

    function test_requestRedeem_revertsOnZeroOrMoreThanUnlocked() public {
        _deposit(alice, 100e6);
        vm.expectRevert(FinancingPool.ZeroAmount.selector);
        vm.prank(alice);
        pool.requestRedeem(0);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, alice, 100e18 + 1, 100e18));
        vm.prank(alice);
        pool.requestRedeem(100e18 + 1);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, stranger, 1, 0));
        vm.prank(stranger);
        pool.requestRedeem(1);
        assertEq(pool.redeemRequestCount(), 0);
    }

    function test_requestRedeem_withAmpleIdleFillsImmediately() public {
        _deposit(alice, 1_000e6);
        vm.expectEmit(true, true, false, true, address(pool));
        emit RedeemRequestFilled(0, alice, 300e18, 300e6);
        uint256 id = _request(alice, 300e18);
        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 300e18);
        assertEq(pool.balanceOf(alice), 700e18);
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.idle(), 700e6);
        assertEq(pool.reservedForRedemptions(), 300e6);
        assertEq(pool.queueHead(), 1);
        assertEq(_claimRedemption(alice, id), 300e6);
        assertEq(usdc.balanceOf(alice), 300e6);
        _assertBooksBalance();
    }

    function test_requestRedeem_beyondIdle_partlyFillsFromIdleAndQueuesTheRest() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        uint256 id = _request(alice, 500e18);
        assertEq(pool.claimableRedeemRequest(id, alice), 200e18);
        assertEq(pool.pendingRedeemRequest(id, alice), 300e18);
        assertEq(pool.idle(), 0);
        assertEq(pool.reservedForRedemptions(), 200e6);
        assertEq(pool.lockedShares(alice), 300e18);
        assertEq(pool.balanceOf(alice), 800e18);
        assertEq(pool.queueHead(), 0, "a partly filled request stays at the head");
    }

    // ─── Filling ────────────────────────────────────────────────────────────────────────────────────────

    function test_pendingRequest_isFilledByRepayment() public {
        _fullyDeployed();
        uint256 id = _request(alice, 600e18);
        assertEq(pool.pendingRedeemRequest(id, alice), 600e18, "stays pending: no idle");

        usdc.mint(manager, 600e6);
        vm.expectEmit(true, true, false, true, address(pool));
        emit RedeemRequestFilled(id, alice, 600e18, 600e6);
        vm.prank(manager);
        pool.recordRepayment(assetA, 600e6);

        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 600e18);
        assertEq(pool.redeemRequest(id).claimableAssets, 600e6);
        assertEq(pool.balanceOf(alice), 400e18, "filled shares are burned");
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(pool.reservedForRedemptions(), 600e6);
        assertEq(pool.idle(), 0);
        assertEq(pool.totalAssets(), 1_400e6);
        assertEq(pool.totalSupply(), 1_400e18);
        assertEq(pool.queueHead(), 1);
        _assertBooksBalance();
    }

    function test_pendingRequest_isFilledByDeposit() public {
        _fullyDeployed();
        uint256 id = _request(bob, 250e18);
        _deposit(carol, 1_000e6);
        assertEq(pool.claimableRedeemRequest(id, bob), 250e18);
        assertEq(pool.pendingRedeemRequest(id, bob), 0);
        assertEq(pool.idle(), 750e6);
        assertEq(pool.balanceOf(carol), 1_000e18, "depositor gets shares at the pre-fill price");
        assertEq(_claimRedemption(bob, id), 250e6);
        _assertBooksBalance();
    }

    function test_partialFill_ofHeadRequest() public {
        _fullyDeployed();
        uint256 id0 = _request(alice, 600e18);
        uint256 id1 = _request(bob, 300e18);

        _repay(assetA, 250e6);
        assertEq(pool.claimableRedeemRequest(id0, alice), 250e18);
        assertEq(pool.pendingRedeemRequest(id0, alice), 350e18);
        assertEq(pool.pendingRedeemRequest(id1, bob), 300e18, "nothing reaches the second request");
        assertEq(pool.claimableRedeemRequest(id1, bob), 0);
        assertEq(pool.queueHead(), id0);
        assertEq(pool.pendingRedeemShares(), 650e18);
        assertEq(pool.lockedShares(alice), 350e18);

        // Partial fills accumulate on the same request.
        _repay(assetA, 100e6);
        assertEq(pool.claimableRedeemRequest(id0, alice), 350e18);
        assertEq(pool.redeemRequest(id0).claimableAssets, 350e6);
        assertEq(pool.pendingRedeemRequest(id0, alice), 250e18);

        // The head completes and the rest spills over to the next one.
        _repay(assetA, 400e6);
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
        assertEq(idA, 0);
        assertEq(idB, 1);
        assertEq(idC, 2);
        assertEq(pool.sharesAheadOf(idA), 0);
        assertEq(pool.sharesAheadOf(idB), 500e18);
        assertEq(pool.sharesAheadOf(idC), 700e18);

        _repay(assetA, 499e6);
        assertEq(pool.claimableRedeemRequest(idA, carol), 499e18);
        assertEq(pool.claimableRedeemRequest(idB, alice), 0);
        assertEq(pool.claimableRedeemRequest(idC, bob), 0);
        assertEq(pool.sharesAheadOf(idB), 1e18);
        assertEq(pool.sharesAheadOf(idC), 201e18);

        _repay(assetA, 201e6);
        assertEq(pool.claimableRedeemRequest(idA, carol), 500e18);
        assertEq(pool.claimableRedeemRequest(idB, alice), 200e18);
        assertEq(pool.claimableRedeemRequest(idC, bob), 0);
        assertEq(pool.sharesAheadOf(idC), 0);
        assertEq(pool.queueHead(), idC);

        _repay(assetA, 1_000e6);
        assertEq(pool.claimableRedeemRequest(idC, bob), 300e18);
        assertEq(pool.idle(), 700e6);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(pool.queueHead(), 3);

        assertEq(_claimRedemption(bob, idC), 300e6);
        assertEq(_claimRedemption(carol, idA), 500e6);
        assertEq(_claimRedemption(alice, idB), 200e6);
        assertEq(pool.reservedForRedemptions(), 0);
        _assertBooksBalance();
    }

    function test_fillRedemptions_callableByAnyone_afterAutoFillLimit() public {
        _fullyDeployed();
        // Ten requests: a repayment fills only AUTO_FILL_LIMIT (8) of them.
        for (uint256 i = 0; i < 10; i++) {
            _request(alice, 10e18);
        }
        _repay(assetA, 1_000e6);
        assertEq(pool.queueHead(), 8);
        assertEq(pool.pendingRedeemShares(), 20e18);
        assertEq(pool.idle(), 920e6);
        assertEq(pool.pendingRedeemRequest(8, alice), 10e18);
        assertEq(pool.pendingRedeemRequest(9, alice), 10e18);

        vm.prank(stranger);
        uint256 filled = pool.fillRedemptions(1);
        assertEq(filled, 1);
        assertEq(pool.queueHead(), 9);
        vm.prank(stranger);
        filled = pool.fillRedemptions(50);
        assertEq(filled, 1);
        assertEq(pool.queueHead(), 10);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(pool.idle(), 900e6);
        assertEq(pool.reservedForRedemptions(), 100e6);
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.balanceOf(alice), 900e18);

        // Nothing left: a further call fills nothing.
        vm.prank(stranger);
        assertEq(pool.fillRedemptions(10), 0);
        _assertBooksBalance();
    }

    function test_fillRedemptions_withoutIdleFillsNothing() public {
        _fullyDeployed();
        _request(alice, 100e18);
        vm.prank(stranger);
        assertEq(pool.fillRedemptions(10), 0);
        assertEq(pool.pendingRedeemShares(), 100e18);
        assertEq(pool.queueHead(), 0);
    }

    function test_whileQueueWaits_maxWithdrawIsZeroForEveryone() public {
        _fullyDeployed();
        for (uint256 i = 0; i < 10; i++) {
            _request(alice, 10e18);
        }
        _repay(assetA, 1_000e6);
        // Idle is there, but two requests still wait: nobody may jump the queue.
        assertEq(pool.idle(), 920e6);
        assertGt(pool.pendingRedeemShares(), 0);
        assertEq(pool.maxWithdraw(bob), 0);
        assertEq(pool.maxRedeem(bob), 0);
        assertEq(pool.maxWithdraw(alice), 0);
        assertEq(pool.maxRedeem(alice), 0);
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
        _request(alice, 1e18);
        assertEq(pool.maxWithdraw(bob), 0);
        assertEq(pool.maxRedeem(bob), 0);
        assertEq(pool.maxWithdraw(carol), 0);
    }

    // ─── Cancel ─────────────────────────────────────────────────────────────────────────────────────────

    function test_cancel_unlocksPendingShares() public {
        _fullyDeployed();
        uint256 id = _request(alice, 600e18);
        vm.expectEmit(true, true, false, true, address(pool));
        emit RedeemRequestCancelled(id, alice, 600e18);
        vm.prank(alice);
        pool.cancelRedeemRequest(id);

        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.unlockedShares(alice), 1_000e18);
        assertEq(pool.pendingRedeemShares(), 0);
        // The queue no longer waits, and a repayment does not fill the cancelled request.
        _repay(assetA, 500e6);
        assertEq(pool.claimableRedeemRequest(id, alice), 0);
        assertEq(pool.idle(), 500e6);
        assertEq(pool.maxWithdraw(alice), 500e6);
        vm.prank(alice);
        pool.transfer(bob, 1_000e18);
        assertEq(pool.balanceOf(bob), 2_000e18);
    }

    function test_cancel_afterPartialFill_keepsFilledPartClaimable() public {
        _fullyDeployed();
        uint256 id = _request(alice, 600e18);
        _repay(assetA, 200e6);
        assertEq(pool.claimableRedeemRequest(id, alice), 200e18);

        vm.expectEmit(true, true, false, true, address(pool));
        emit RedeemRequestCancelled(id, alice, 400e18);
        vm.prank(alice);
        pool.cancelRedeemRequest(id);

        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 200e18);
        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.balanceOf(alice), 800e18);
        assertEq(pool.pendingRedeemShares(), 0);

        vm.expectEmit(true, true, true, true, address(pool));
        emit RedemptionClaimed(id, alice, carol, 200e6);
        vm.prank(alice);
        uint256 paid = pool.claimRedemption(id, carol);
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
        pool.cancelRedeemRequest(id0);
        assertEq(pool.sharesAheadOf(id1), 0);
        _repay(assetA, 300e6);
        assertEq(pool.claimableRedeemRequest(id1, bob), 300e18);
        assertEq(pool.queueHead(), 2);
    }

    function test_cancel_reverts() public {
        _fullyDeployed();
        uint256 id = _request(alice, 100e18);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.NotRequestOwner.selector, id, bob));
        vm.prank(bob);
        pool.cancelRedeemRequest(id);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, 1));
        vm.prank(alice);
        pool.cancelRedeemRequest(1);

        vm.prank(alice);
        pool.cancelRedeemRequest(id);
        vm.expectRevert(FinancingPool.NothingToClaim.selector);
        vm.prank(alice);
        pool.cancelRedeemRequest(id);
    }

    function test_cancel_ofFullyFilledRequestReverts() public {
        _deposit(alice, 100e6);
        uint256 id = _request(alice, 100e18); // filled at once from idle
        vm.expectRevert(FinancingPool.NothingToClaim.selector);
        vm.prank(alice);
        pool.cancelRedeemRequest(id);
    }

    // ─── Claim ──────────────────────────────────────────────────────────────────────────────────────────

    function test_claimRedemption_paysReceiverAndEmits() public {
        _fullyDeployed();
        uint256 id = _request(alice, 400e18);
        _repay(assetA, 400e6);
        uint256 before = usdc.balanceOf(address(pool));

        vm.expectEmit(true, true, true, true, address(pool));
        emit RedemptionClaimed(id, alice, bob, 400e6);
        vm.prank(alice);
        uint256 paid = pool.claimRedemption(id, bob);

        assertEq(paid, 400e6);
        assertEq(usdc.balanceOf(bob), 400e6);
        assertEq(usdc.balanceOf(alice), 0);
        assertEq(usdc.balanceOf(address(pool)), before - 400e6);
        assertEq(pool.reservedForRedemptions(), 0);
        FinancingPool.Redemption memory r = pool.redeemRequest(id);
        assertEq(r.claimableAssets, 0);
        assertEq(r.claimableShares, 0);
        assertEq(r.owner, alice);
        _assertBooksBalance();
    }

    function test_claimRedemption_reverts() public {
        _fullyDeployed();
        uint256 id = _request(alice, 400e18);

        vm.expectRevert(FinancingPool.NothingToClaim.selector); // still pending
        vm.prank(alice);
        pool.claimRedemption(id, alice);

        _repay(assetA, 400e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.NotRequestOwner.selector, id, bob));
        vm.prank(bob);
        pool.claimRedemption(id, bob);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, 5));
        vm.prank(alice);
        pool.claimRedemption(5, alice);

        _claimRedemption(alice, id);
        vm.expectRevert(FinancingPool.NothingToClaim.selector); // already claimed
        vm.prank(alice);
        pool.claimRedemption(id, alice);
        assertEq(usdc.balanceOf(alice), 400e6);
    }

    function test_claimRedemption_isUnaffectedByLaterWriteDown() public {
        _fullyDeployed();
        uint256 id = _request(alice, 400e18);
        _repay(assetA, 400e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 1_000e6);
        assertEq(_claimRedemption(alice, id), 400e6);
    }

    function test_fill_isAtThePriceOfFillTime() public {
        _fullyDeployed();
        uint256 id = _request(alice, 500e18);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 500e6); // -25 %: 1,500 USDC for 2,000 shares
        uint256 expected = pool.previewRedeem(500e18);
        assertEq(expected, 375e6);
        _repay(assetA, 1_000e6);
        assertEq(pool.redeemRequest(id).claimableAssets, expected);
        assertEq(_claimRedemption(alice, id), 375e6);
    }

    // ─── Views ──────────────────────────────────────────────────────────────────────────────────────────

    function test_views_requestCountAndControllerFiltering() public {
        _fullyDeployed();
        assertEq(pool.redeemRequestCount(), 0);
        uint256 id0 = _request(alice, 100e18);
        uint256 id1 = _request(bob, 200e18);
        uint256 id2 = _request(alice, 50e18);
        assertEq(pool.redeemRequestCount(), 3);
        assertEq(id2, 2);
        // Another controller sees nothing.
        assertEq(pool.pendingRedeemRequest(id0, bob), 0);
        assertEq(pool.pendingRedeemRequest(id1, alice), 0);
        assertEq(pool.pendingRedeemRequest(id1, bob), 200e18);
        assertEq(pool.pendingRedeemRequest(id2, alice), 50e18);
        assertEq(pool.sharesAheadOf(id2), 300e18);
        assertEq(pool.lockedShares(alice), 150e18);

        _repay(assetA, 150e6);
        assertEq(pool.claimableRedeemRequest(id0, alice), 100e18);
        assertEq(pool.claimableRedeemRequest(id0, bob), 0);
        assertEq(pool.claimableRedeemRequest(id1, bob), 50e18);
        assertEq(pool.sharesAheadOf(id0), 0, "no longer pending");
        assertEq(pool.sharesAheadOf(id1), 0, "next in line");
        assertEq(pool.sharesAheadOf(id2), 150e18);
    }

    function test_views_revertForUnknownRequest() public {
        bytes memory err = abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, 0);
        vm.expectRevert(err);
        pool.pendingRedeemRequest(0, alice);
        vm.expectRevert(err);
        pool.claimableRedeemRequest(0, alice);
        vm.expectRevert(err);
        pool.redeemRequest(0);
        vm.expectRevert(err);
        pool.sharesAheadOf(0);
    }

    /// Regression: a request that is no longer pending has no shares ahead of it.
    function test_sharesAheadOf_cancelledRequestReturnsZero() public {
        _fullyDeployed();
        _request(alice, 100e18);
        uint256 id1 = _request(bob, 200e18);
        vm.prank(bob);
        pool.cancelRedeemRequest(id1);
        assertEq(pool.sharesAheadOf(id1), 0);
    }

    /// Regression: when idle is dust (worth less than one base unit at the share price), a partial fill must not
    /// burn the requester's shares for 0 USDC; repeating fillRedemptions changes nothing.
    function test_partialFill_neverBurnsSharesForZeroAssets() public {
        _fullyDeployed();
        vm.prank(manager);
        pool.recordWriteDown(assetA, 333_333_333); // totalAssets + 1 does not divide totalSupply + 1e12
        uint256 id = _request(alice, 1_000e18);
        _repay(assetA, 1); // 1 wei of idle
        for (uint256 i = 0; i < 3; i++) {
            pool.fillRedemptions(1);
        }
        FinancingPool.Redemption memory r = pool.redeemRequest(id);
        assertEq(r.claimableShares, 0, "shares burned");
        assertEq(r.claimableAssets, 0);
        assertEq(pool.balanceOf(alice), 1_000e18);
        assertEq(r.pendingShares, 1_000e18);
    }

    // ─── Revenue on locked shares ───────────────────────────────────────────────────────────────────────

    function test_lockedShares_keepEarningRevenueUntilFilled() public {
        _fullyDeployed();
        uint256 id = _request(alice, 1_000e18);
        _distribute(700e6); // net 630e6, streamed over a week
        uint256 net = _net(700e6);

        uint256 c0 = pool.claimableRevenue(alice);
        vm.warp(block.timestamp + STREAM / 2);
        uint256 c1 = pool.claimableRevenue(alice);
        vm.warp(block.timestamp + STREAM / 2);
        uint256 c2 = pool.claimableRevenue(alice);
        assertEq(c0, 0);
        assertGt(c1, c0, "claimable grows while the request is pending");
        assertGt(c2, c1);
        assertApproxEqAbs(c1, net / 4, 2);
        assertApproxEqAbs(c2, net / 2, 2);
        assertApproxEqAbs(pool.claimableRevenue(bob), net / 2, 2);

        // Filled: the shares are burned and stop earning; what was earned stays claimable.
        _repay(assetA, 1_000e6);
        assertEq(pool.balanceOf(alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 1_000e18);
        assertEq(pool.claimableRevenue(alice), c2);
        _distribute(700e6);
        vm.warp(block.timestamp + STREAM);
        assertEq(pool.claimableRevenue(alice), c2, "nothing more after the fill");
        assertApproxEqAbs(pool.claimableRevenue(bob), net / 2 + net, 3);

        vm.prank(alice);
        assertEq(pool.claim(alice), c2);
        assertEq(_claimRedemption(alice, id), 1_000e6);
        assertEq(usdc.balanceOf(alice), c2 + 1_000e6);
        _assertBooksBalance();
    }

    // ─── Fuzz ───────────────────────────────────────────────────────────────────────────────────────────

    /// Every fill pays at most previewRedeem of the filled shares at fill time (here exactly, rounded down),
    /// whether it happens at request time from idle or later from a repayment after a write-down.
    function testFuzz_requestThenFill_neverPaysMoreThanPreviewRedeemAtFill(
        uint256 a,
        uint256 b,
        uint256 deployAmt,
        uint256 shares,
        uint256 writeDown,
        uint256 repay
    ) public {
        a = bound(a, MIN_DEPOSIT, 1_000_000e6);
        b = bound(b, MIN_DEPOSIT, 1_000_000e6);
        _deposit(alice, a);
        _deposit(bob, b);
        deployAmt = bound(deployAmt, 1, a + b);
        _deploy(assetA, deployAmt);
        shares = bound(shares, 1, pool.balanceOf(alice));

        // Fill at request time (from idle).
        uint256 ta = pool.totalAssets();
        uint256 ts = pool.totalSupply();
        uint256 id = _request(alice, shares);
        FinancingPool.Redemption memory r0 = pool.redeemRequest(id);
        assertLe(r0.claimableAssets, Math.mulDiv(r0.claimableShares, ta + 1, ts + OFFSET));
        assertEq(r0.claimableShares + r0.pendingShares, shares);

        // Write-down between request and fill: the fill happens at the lower price.
        writeDown = bound(writeDown, 0, pool.outstandingPrincipal() - 1);
        if (writeDown > 0) {
            vm.prank(manager);
            pool.recordWriteDown(assetA, writeDown);
        }
        repay = bound(repay, 1, pool.outstandingOf(assetA));
        ta = pool.totalAssets();
        ts = pool.totalSupply();
        uint256 idleBefore = pool.idle();
        _repay(assetA, repay);
        FinancingPool.Redemption memory r1 = pool.redeemRequest(id);
        uint256 filledShares = r1.claimableShares - r0.claimableShares;
        uint256 filledAssets = r1.claimableAssets - r0.claimableAssets;
        assertLe(filledAssets, Math.mulDiv(filledShares, ta + 1, ts + OFFSET), "pays more than previewRedeem");
        assertLe(filledAssets, idleBefore + repay, "pays more than came in");
        assertEq(r1.claimableShares + r1.pendingShares, shares);

        uint256 paid = r1.claimableAssets == 0 ? 0 : _claimRedemption(alice, id);
        assertEq(paid, r1.claimableAssets);
        assertEq(usdc.balanceOf(alice), paid);
        _assertBooksBalance();
    }

    /// USDC is conserved: the pool always holds exactly idle + filled-but-unclaimed redemptions + revenue owed,
    /// and once everyone has claimed, everything paid out is accounted for.
    function testFuzz_conservationOfUsdc(
        uint256 a,
        uint256 b,
        uint256 deployAmt,
        uint256 reqA,
        uint256 reqB,
        uint256 gross,
        uint256 writeDown,
        uint256 repay,
        uint256 c
    ) public {
        uint256 minted;
        a = bound(a, MIN_DEPOSIT, 1_000_000e6);
        b = bound(b, MIN_DEPOSIT, 1_000_000e6);
        _deposit(alice, a);
        _deposit(bob, b);
        minted += a + b;
        _assertBooksBalance();

        deployAmt = bound(deployAmt, 1, a + b);
        _deploy(assetA, deployAmt);
        _assertBooksBalance();

        reqA = bound(reqA, 1, pool.balanceOf(alice));
        uint256 idA = _request(alice, reqA);
        _assertBooksBalance();
        reqB = bound(reqB, 1, pool.balanceOf(bob));
        uint256 idB = _request(bob, reqB);
        _assertBooksBalance();

        gross = bound(gross, 0, 100_000e6);
        if (gross > 0) {
            _distribute(gross);
            minted += gross;
        }
        vm.warp(block.timestamp + 3 days);
        _assertBooksBalance();

        writeDown = bound(writeDown, 0, pool.outstandingPrincipal() - 1);
        if (writeDown > 0) {
            vm.prank(manager);
            pool.recordWriteDown(assetA, writeDown);
        }
        _assertBooksBalance();

        repay = bound(repay, 1, pool.outstandingOf(assetA));
        _repay(assetA, repay);
        minted += repay;
        _assertBooksBalance();

        c = bound(c, MIN_DEPOSIT, 1_000_000e6);
        _deposit(carol, c);
        minted += c;
        pool.fillRedemptions(10);
        _assertBooksBalance();
        vm.warp(block.timestamp + STREAM);

        // Everyone claims what they can.
        address[3] memory holders = [alice, bob, carol];
        uint256[2] memory ids = [idA, idB];
        for (uint256 i = 0; i < 2; i++) {
            address owner = pool.redeemRequest(ids[i]).owner;
            if (pool.redeemRequest(ids[i]).claimableAssets > 0) _claimRedemption(owner, ids[i]);
        }
        for (uint256 i = 0; i < 3; i++) {
            if (pool.claimableRevenue(holders[i]) > 0) {
                vm.prank(holders[i]);
                pool.claim(holders[i]);
            }
        }
        assertEq(pool.reservedForRedemptions(), 0);
        _assertBooksBalance();
        // Only rounding dust of revenue stays behind.
        assertLe(pool.revenueHeld(), 10);

        // Every USDC minted sits with exactly one party.
        uint256 held = usdc.balanceOf(address(pool)) + usdc.balanceOf(alice) + usdc.balanceOf(bob)
            + usdc.balanceOf(carol) + usdc.balanceOf(operator) + usdc.balanceOf(treasury) + usdc.balanceOf(manager)
            + usdc.balanceOf(reporter);
        assertEq(held, minted);
        // The pool keeps idle principal (plus revenue dust); the operator keeps deployed minus repaid.
        assertEq(usdc.balanceOf(operator), deployAmt);
        assertEq(usdc.balanceOf(treasury), gross * FEE_BPS / 10_000);
        // Holders' remaining shares are backed by no more than the pool's principal.
        uint256 claimable = pool.previewRedeem(pool.balanceOf(alice)) + pool.previewRedeem(pool.balanceOf(bob))
            + pool.previewRedeem(pool.balanceOf(carol));
        assertLe(claimable, pool.totalAssets());
    }
}
