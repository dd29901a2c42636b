// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7887Redeem} from "../src/interfaces/IERC7540.sol";
import {ExitQueueFixture} from "./utils/ExitQueueFixture.sol";

/// The queue as a whole: its views, revenue on locked shares, and fuzzed request-fill-claim runs.
contract FinancingPoolExitQueueTest is ExitQueueFixture {
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
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.UnknownRequest.selector, 0));
        pool.redeemRequest(0);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.UnknownRequest.selector, 1));
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
        PoolStorage.Request memory r = pool.redeemRequest(id);
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
