// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7887Redeem} from "../src/interfaces/IERC7540.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Exits: instant withdraw/redeem up to idle, and the ERC-7540 FIFO queue (request, fill, ERC-7887 cancel, claim).
contract FinancingPoolRedemptionsTest is ProtocolFixture {
    event RedeemRequest(
        address indexed controller, address indexed owner, uint256 indexed requestId, address sender, uint256 shares
    );
    event RedeemRequestFilled(
        uint256 indexed requestId, address indexed controller, address indexed owner, uint256 shares, uint256 assets
    );
    event RedemptionClaimed(address indexed controller, address indexed receiver, uint256 shares, uint256 assets);
    event CancelRedeemRequest(address indexed controller, uint256 indexed requestId, address sender);
    event CancelRedeemClaim(
        address indexed controller, address indexed receiver, uint256 indexed requestId, address sender, uint256 shares
    );
    event Withdraw(
        address indexed sender, address indexed receiver, address indexed owner, uint256 assets, uint256 shares
    );
    event OperatorSet(address indexed controller, address indexed operator, bool approved);

    uint256 internal constant OFFSET = 1e12; // 10 ** _decimalsOffset()

    address internal stranger = makeAddr("stranger");

    // ─── Helpers ────────────────────────────────────────────────────────────────────────────────────────

    function _request(address who, uint256 shares) internal returns (uint256 id) {
        return _requestRedeem(who, shares);
    }

    function _claimable(address controller) internal view returns (uint256 shares, uint256 assets) {
        (uint128 s, uint128 a) = pool.claimableRedemption(controller);
        return (s, a);
    }

    function _claimableAssets(address controller) internal view returns (uint256 assets) {
        (, assets) = _claimable(controller);
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
        assertEq(
            usdc.balanceOf(address(pool)), pool.idle() + pool.reservedForRedemptions() + pool.revenueHeld(), "books"
        );
        assertEq(pool.totalAssets(), pool.idle() + pool.outstandingPrincipal() - pool.totalProvisions(), "totalAssets");
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
        _impair(assetA, 333_333_333); // an awkward share price
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
        // An expected loss provisioned on the asset (or, without deployment, none).
        writeDown = bound(writeDown, 0, deployAmt);
        if (writeDown > 0) _impair(assetA, writeDown);

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
        FinancingPool.Request memory r = pool.redeemRequest(id);
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
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, alice, 1, 0));
        vm.prank(alice);
        pool.requestRedeem(1, alice, alice);
    }

    function test_requestRedeem_revertsOnZeroOrMoreThanUnlocked() public {
        _deposit(alice, 100e6);
        vm.expectRevert(FinancingPool.ZeroAmount.selector);
        vm.prank(alice);
        pool.requestRedeem(0, alice, alice);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, alice, 100e18 + 1, 100e18));
        vm.prank(alice);
        pool.requestRedeem(100e18 + 1, alice, alice);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.SharesLocked.selector, stranger, 1, 0));
        vm.prank(stranger);
        pool.requestRedeem(1, stranger, stranger);

        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        vm.prank(alice);
        pool.requestRedeem(50e18, address(0), alice);
        assertEq(pool.redeemRequestCount(), 0);
    }

    /// A request is worth at least the minimum deposit, so that dust cannot clog the queue; an owner's whole
    /// unlocked position can always leave, if it is worth anything.
    function test_requestRedeem_minimumSize() public {
        _deposit(alice, 100e6);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.BelowMinimumRequest.selector, 5e6, MIN_DEPOSIT));
        vm.prank(alice);
        pool.requestRedeem(5e18, alice, alice);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.BelowMinimumRequest.selector, 0, MIN_DEPOSIT));
        vm.prank(alice);
        pool.requestRedeem(1, alice, alice);
        _request(alice, MIN_DEPOSIT * OFFSET);

        vm.prank(alice);
        pool.transfer(carol, 5e18);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.BelowMinimumRequest.selector, 4e6, MIN_DEPOSIT));
        vm.prank(carol);
        pool.requestRedeem(4e18, carol, carol);
        uint256 id = _request(carol, 5e18); // the whole position
        assertEq(pool.pendingRedeemRequest(id, carol), 5e18);
        // But never a request worth nothing, even of a whole (dust) position: it would only cost fillers gas.
        vm.prank(alice);
        pool.transfer(bob, 1);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.BelowMinimumRequest.selector, 0, MIN_DEPOSIT));
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
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.NotControllerOrOperator.selector, carol, alice));
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
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
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

        vm.expectRevert(FinancingPool.NothingToClaim.selector);
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
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.NotControllerOrOperator.selector, alice, bob));
        vm.prank(bob);
        pool.cancelRedeemRequest(id, alice);

        // Not bob's request.
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, id));
        vm.prank(bob);
        pool.cancelRedeemRequest(id, bob);

        vm.expectRevert(abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, 5));
        vm.prank(alice);
        pool.cancelRedeemRequest(5, alice);

        // An operator of the controller may cancel.
        vm.prank(alice);
        pool.setOperator(carol, true);
        vm.prank(carol);
        pool.cancelRedeemRequest(id, alice);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, id));
        vm.prank(alice);
        pool.cancelRedeemRequest(id, alice);
    }

    function test_cancel_ofFullyFilledRequestReverts() public {
        _deposit(alice, 100e6);
        uint256 id = _request(alice, 100e18);
        _fill();
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, id));
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
        FinancingPool.Request memory r = pool.redeemRequest(id);
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
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsClaimable.selector, assetsLeft + 1, assetsLeft));
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
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.NotControllerOrOperator.selector, alice, bob));
        vm.prank(bob);
        pool.redeem(400e18, bob, alice);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.ExceedsClaimable.selector, 400e18 + 1, 400e18));
        vm.prank(alice);
        pool.redeem(400e18 + 1, alice, alice);
        vm.expectRevert(FinancingPool.ZeroAmount.selector);
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

    // ─── Views ──────────────────────────────────────────────────────────────────────────────────────────

    function test_views_requestCountAndControllerFiltering() public {
        _fullyDeployed();
        assertEq(pool.redeemRequestCount(), 0);
        uint256 id0 = _request(alice, 100e18);
        uint256 id1 = _request(bob, 200e18);
        uint256 id2 = _request(alice, 50e18);
        assertEq(pool.redeemRequestCount(), 3);
        assertEq(id2, 3);
        // Another controller sees nothing.
        assertEq(pool.pendingRedeemRequest(id0, bob), 0);
        assertEq(pool.pendingRedeemRequest(id1, alice), 0);
        assertEq(pool.pendingRedeemRequest(id1, bob), 200e18);
        assertEq(pool.pendingRedeemRequest(id2, alice), 50e18);
        assertEq(pool.sharesAheadOf(id2), 300e18);
        assertEq(pool.lockedShares(alice), 150e18);

        _repay(assetA, 150e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(id0, alice), 100e18);
        assertEq(pool.claimableRedeemRequest(id0, bob), 0);
        assertEq(pool.claimableRedeemRequest(id1, bob), 50e18);
        assertEq(pool.claimableRedeemRequest(id2, alice), 0, "never filled");
        assertEq(pool.sharesAheadOf(id0), 0, "no longer pending");
        assertEq(pool.sharesAheadOf(id1), 0, "next in line");
        assertEq(pool.sharesAheadOf(id2), 150e18);
    }

    function test_views_unknownRequest() public {
        assertEq(pool.pendingRedeemRequest(0, alice), 0);
        assertEq(pool.claimableRedeemRequest(0, alice), 0);
        assertEq(pool.sharesAheadOf(0), 0);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, 0));
        pool.redeemRequest(0);
        vm.expectRevert(abi.encodeWithSelector(FinancingPool.UnknownRequest.selector, 1));
        pool.redeemRequest(1);
    }

    function test_views_erc165AndShare() public view {
        assertTrue(pool.supportsInterface(type(IERC7540Operator).interfaceId));
        assertTrue(pool.supportsInterface(type(IERC7540Redeem).interfaceId));
        assertTrue(pool.supportsInterface(type(IERC7887Redeem).interfaceId));
        assertTrue(pool.supportsInterface(0xe3bc4e65));
        assertTrue(pool.supportsInterface(0x620ee8e4));
        assertTrue(pool.supportsInterface(0x2f0a18c5));
        assertTrue(pool.supportsInterface(type(IERC165).interfaceId));
        assertFalse(pool.supportsInterface(0xffffffff));
        assertEq(pool.share(), address(pool));
    }

    /// Regression: a request that is no longer pending has no shares ahead of it.
    function test_sharesAheadOf_cancelledRequestReturnsZero() public {
        _fullyDeployed();
        _request(alice, 100e18);
        uint256 id1 = _request(bob, 200e18);
        vm.prank(bob);
        pool.cancelRedeemRequest(id1, bob);
        assertEq(pool.sharesAheadOf(id1), 0);
    }

    /// Regression: when idle is dust (worth less than one base unit at the share price), a partial fill must not
    /// burn the requester's shares for 0 USDC; repeating fillRedemptions changes nothing.
    function test_partialFill_neverBurnsSharesForZeroAssets() public {
        _fullyDeployed();
        _impair(assetA, 333_333_333); // totalAssets + 1 does not divide totalSupply + 1e12
        uint256 id = _request(alice, 1_000e18);
        _repay(assetA, 1); // 1 wei of idle
        for (uint256 i = 0; i < 3; i++) {
            pool.fillRedemptions(1);
        }
        FinancingPool.Request memory r = pool.redeemRequest(id);
        assertEq(r.filledShares, 0, "shares burned");
        assertEq(_claimableAssets(alice), 0);
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
        _fill();
        assertEq(pool.balanceOf(alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), 1_000e18);
        assertEq(pool.claimableRevenue(alice), c2);
        _distribute(700e6);
        vm.warp(block.timestamp + STREAM);
        assertEq(pool.claimableRevenue(alice), c2, "nothing more after the fill");
        assertApproxEqAbs(pool.claimableRevenue(bob), net / 2 + net, 3);

        vm.prank(alice);
        assertEq(pool.claim(alice), c2);
        assertEq(_claimRedemption(alice), 1_000e6);
        assertEq(usdc.balanceOf(alice), c2 + 1_000e6);
        _assertBooksBalance();
    }

    // ─── Fuzz ───────────────────────────────────────────────────────────────────────────────────────────

    /// Every fill pays at most previewRedeem of the filled shares at fill time (here exactly, rounded down),
    /// whether it happens from idle right after the request or later from a repayment after an impairment.
    function testFuzz_requestThenFill_neverPaysMoreThanPreviewRedeemAtFill(
        uint256 a,
        uint256 b,
        uint256 deployAmt,
        uint256 shares,
        uint256 loss,
        uint256 repay
    ) public {
        a = bound(a, MIN_DEPOSIT, 1_000_000e6);
        b = bound(b, MIN_DEPOSIT, 1_000_000e6);
        _deposit(alice, a);
        _deposit(bob, b);
        deployAmt = bound(deployAmt, 1, a + b);
        _deploy(assetA, deployAmt);
        shares = bound(shares, MIN_DEPOSIT * OFFSET, pool.balanceOf(alice));

        // Fill from idle.
        uint256 ta = pool.totalAssets();
        uint256 ts = pool.totalSupply();
        uint256 id = _request(alice, shares);
        _fill();
        (uint256 shares0, uint256 assets0) = _claimable(alice);
        assertLe(assets0, Math.mulDiv(shares0, ta + 1, ts + OFFSET));
        assertEq(shares0 + pool.redeemRequest(id).pendingShares, shares);

        // An impairment between request and fill: the fill happens at the lower price.
        loss = bound(loss, 0, pool.outstandingPrincipal() - 1);
        if (loss > 0) _impair(assetA, loss);
        repay = bound(repay, 1, pool.outstandingOf(assetA));
        uint256 idleBefore = pool.idle();
        _repay(assetA, repay);
        ta = pool.totalAssets();
        ts = pool.totalSupply();
        _fill();
        (uint256 shares1, uint256 assets1) = _claimable(alice);
        uint256 filledShares = shares1 - shares0;
        uint256 filledAssets = assets1 - assets0;
        assertLe(filledAssets, Math.mulDiv(filledShares, ta + 1, ts + OFFSET), "pays more than previewRedeem");
        assertLe(filledAssets, idleBefore + repay, "pays more than came in");
        assertEq(shares1 + pool.redeemRequest(id).pendingShares, shares);
        assertEq(pool.redeemRequest(id).filledShares, shares1);

        uint256 paid = shares1 == 0 ? 0 : _claimRedemption(alice);
        assertEq(paid, assets1);
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

        reqA = bound(reqA, MIN_DEPOSIT * OFFSET, pool.balanceOf(alice));
        _request(alice, reqA);
        _assertBooksBalance();
        reqB = bound(reqB, MIN_DEPOSIT * OFFSET, pool.balanceOf(bob));
        _request(bob, reqB);
        _fill();
        _assertBooksBalance();

        gross = bound(gross, 0, 100_000e6);
        if (gross < pool.minDistribution()) gross = 0;
        if (gross > 0) {
            _distribute(gross);
            minted += gross;
        }
        vm.warp(block.timestamp + 3 days);
        _assertBooksBalance();

        // A loss: provisioned, then written off.
        writeDown = bound(writeDown, 0, pool.outstandingPrincipal() - 1);
        if (writeDown > 0) {
            _impair(assetA, writeDown);
            _assertBooksBalance();
            vm.prank(manager);
            pool.recordWriteDown(assetA, writeDown);
        }
        _assertBooksBalance();

        repay = bound(repay, 1, pool.outstandingOf(assetA));
        _repay(assetA, repay);
        minted += repay;
        _fill();
        _assertBooksBalance();

        c = bound(c, MIN_DEPOSIT, 1_000_000e6);
        _deposit(carol, c);
        minted += c;
        pool.fillRedemptions(10);
        _assertBooksBalance();
        vm.warp(block.timestamp + STREAM);

        // Everyone claims what they can.
        address[3] memory holders = [alice, bob, carol];
        for (uint256 i = 0; i < 3; i++) {
            (uint256 claimableShares,) = _claimable(holders[i]);
            if (claimableShares > 0) _claimRedemption(holders[i]);
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
