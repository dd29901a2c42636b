// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PoolStorage} from "../../src/pool/PoolStorage.sol";
import {PoolInvariantFixture} from "./PoolInvariantFixture.sol";

/// Stateful fuzzing of one FinancingPool through PoolHandler: share accounting, revenue conservation, the
/// claimable-only-goes-down-by-claiming rule, USDC backing, provisions, and the FIFO redemption queue (a linked
/// list of ERC-7540 requests).
contract FinancingPoolInvariants is PoolInvariantFixture {
    // ─── 1. Shares ─────────────────────────────────────────────────────────────────────────────────────

    /// Every share is held by someone the handler saw receive shares (actors only), and they add up to supply.
    function invariant_sharesSumToTotalSupply() public view {
        address[] memory hs = handler.holders();
        uint256 sum;
        for (uint256 i = 0; i < hs.length; i++) {
            sum += pool.balanceOf(hs[i]);
        }
        assertEq(sum, pool.totalSupply(), "sum of balances != totalSupply");
        // Nobody outside the actor set ever received shares.
        address[] memory as_ = handler.actors();
        for (uint256 i = 0; i < hs.length; i++) {
            bool isActor;
            for (uint256 j = 0; j < as_.length; j++) {
                if (as_[j] == hs[i]) isActor = true;
            }
            assertTrue(isActor, "shares reached a non-actor");
        }
    }

    // ─── 2. Revenue conservation ───────────────────────────────────────────────────────────────────────

    function invariant_revenueClaimedPlusClaimableWithinDistributed() public atSequenceTime {
        uint256 claimable = _sumClaimable();
        assertLe(
            pool.totalRevenueClaimed() + claimable + pool.streamingRevenue(),
            handler.ghostNetDistributed(),
            "claimed + claimable + streaming > net distributed"
        );
        assertLe(pool.totalRevenueClaimed() + claimable, handler.ghostNetDistributed(), "claimed + claimable > net");
    }

    function invariant_revenueCountersMatchGhosts() public view {
        assertEq(pool.totalRevenueDistributed(), handler.ghostNetDistributed(), "totalRevenueDistributed");
        assertEq(pool.totalRevenueClaimed(), handler.ghostRevenueClaimed(), "totalRevenueClaimed");
        assertEq(
            pool.revenueHeld(),
            handler.ghostNetDistributed() - handler.ghostRevenueClaimed(),
            "revenueHeld != net - claimed"
        );
        assertEq(usdc.balanceOf(treasury), handler.ghostFees(), "treasury fees");
        address[] memory as_ = handler.actors();
        uint256 sum;
        for (uint256 i = 0; i < as_.length; i++) {
            sum += handler.ghostClaimedBy(as_[i]);
        }
        assertEq(sum, pool.totalRevenueClaimed(), "per-actor claims do not add up");
    }

    /// Streaming + claimable never exceed what is held, and fall short of it only by rounding dust: no revenue is
    /// stranded (while no shares exist, the stream waits: nothing is released to nobody).
    function invariant_revenueHeldCoversEverythingOwed() public atSequenceTime {
        uint256 claimable = _sumClaimable();
        assertGe(pool.revenueHeld(), claimable, "revenueHeld < sum of claimable");
        uint256 accounted = claimable + pool.streamingRevenue();
        assertGe(pool.revenueHeld(), accounted, "revenueHeld < claimable + streaming");
        assertLe(
            pool.revenueHeld() - accounted, handler.revenueDustAllowance(), "revenue stranded beyond rounding dust"
        );
    }

    // ─── 3. USDC backing ───────────────────────────────────────────────────────────────────────────────

    function invariant_usdcCoversIdleReservedAndRevenue() public view {
        uint256 bal = usdc.balanceOf(address(pool));
        assertGe(bal, pool.idle() + pool.reservedForRedemptions() + pool.revenueHeld(), "pool USDC under-backed");
        // The handler knows every USDC movement: the surplus is exactly what was donated.
        assertEq(
            bal,
            pool.idle() + pool.reservedForRedemptions() + pool.revenueHeld() + handler.ghostDonated(),
            "USDC balance != idle + reserved + revenueHeld + donations"
        );
    }

    // ─── 4. Claimable only goes down by claiming ───────────────────────────────────────────────────────

    function invariant_claimableNeverDecreasesExceptByClaim() public view {
        assertFalse(
            handler.claimableDecreased(),
            string.concat(
                "claimable of ",
                vm.toString(handler.decreasedAccount()),
                " fell from ",
                vm.toString(handler.decreasedFrom()),
                " to ",
                vm.toString(handler.decreasedTo()),
                " during ",
                handler.decreasedDuring()
            )
        );
        assertFalse(handler.claimMismatch(), "claim did not pay what claimableRevenue showed");
    }

    // ─── 5. FIFO queue ─────────────────────────────────────────────────────────────────────────────────

    function invariant_fillsInRequestOrder() public view {
        uint256 n = handler.filledCount();
        for (uint256 i = 1; i < n; i++) {
            assertLe(handler.filledIds(i - 1), handler.filledIds(i), "requests filled out of order");
        }
        assertFalse(handler.fifoViolated(), "a request was filled while an older one was pending");
    }

    /// Requests are appended with growing ids and leave only by being filled or cancelled: every request older
    /// than the head has nothing pending.
    function invariant_queueHeadNeverPassesPendingRequest() public view {
        uint256 head = pool.queueHead();
        uint256 n = pool.redeemRequestCount();
        assertLe(head, n, "queueHead past the end");
        uint256 end = head == 0 ? n + 1 : head;
        for (uint256 id = 1; id < end; id++) {
            assertEq(pool.redeemRequest(id).pendingShares, 0, "queueHead passed a pending request");
        }
    }

    /// Queue bookkeeping: pending shares per request add up to the pool's and per-owner locked counters, and the
    /// filled USDC still to collect adds up to reservedForRedemptions.
    /// Queue bookkeeping, walking the linked list from the head: links are consistent both ways and in id order,
    /// exactly the requests with pending shares are in it, and the pending shares add up to the pool's and
    /// per-owner locked counters. The filled USDC still to collect adds up, per controller, to
    /// reservedForRedemptions.
    function invariant_queueAccounting() public view {
        uint256 n = pool.redeemRequestCount();
        address[] memory as_ = handler.actors();
        uint256[] memory lockedByActor = new uint256[](as_.length);
        uint256 pending;
        uint256 linked;
        uint256 prev;
        for (uint256 id = pool.queueHead(); id != 0; id = pool.redeemRequest(id).next) {
            PoolStorage.Request memory r = pool.redeemRequest(id);
            assertEq(r.prev, prev, "broken prev link");
            assertGt(id, prev, "queue out of request order");
            assertGt(r.pendingShares, 0, "a request without pending shares is still queued");
            pending += r.pendingShares;
            for (uint256 j = 0; j < as_.length; j++) {
                if (as_[j] == r.owner) lockedByActor[j] += r.pendingShares;
            }
            prev = id;
            linked++;
            assertLe(linked, n, "queue cycles");
        }
        assertEq(pool.queueTail(), prev, "queueTail is not the last request");
        uint256 pendingAll;
        uint256 withPending;
        for (uint256 id = 1; id <= n; id++) {
            uint256 p = pool.redeemRequest(id).pendingShares;
            pendingAll += p;
            if (p > 0) withPending++;
        }
        assertEq(withPending, linked, "a pending request is not in the queue");
        assertEq(pending, pendingAll, "pending outside the queue");
        assertEq(pending, pool.pendingRedeemShares(), "pendingRedeemShares != sum of pending in the queue");

        uint256 claimableAssets;
        for (uint256 j = 0; j < as_.length; j++) {
            (, uint128 assets) = pool.claimableRedemption(as_[j]);
            claimableAssets += assets;
            assertEq(pool.lockedShares(as_[j]), lockedByActor[j], "lockedShares != own pending");
            assertLe(pool.lockedShares(as_[j]), pool.balanceOf(as_[j]), "lockedShares > balance");
        }
        assertEq(claimableAssets, pool.reservedForRedemptions(), "reservedForRedemptions != sum of claimable assets");
        assertEq(
            pool.reservedForRedemptions(),
            handler.ghostFilledAssets() - handler.ghostRedemptionClaimed(),
            "reserved != filled - claimed"
        );
    }

    function invariant_fillsPayForTheSharesTheyBurn() public view {
        assertFalse(
            handler.zeroAssetPartialFill(), "a partial fill burned shares for 0 USDC and left the request pending"
        );
        assertFalse(handler.fillStalled(), "fillRedemptions left a request pending that idle could fill");
    }

    // ─── Extras ────────────────────────────────────────────────────────────────────────────────────────

    function invariant_principalAccounting() public view {
        assertEq(
            pool.totalAssets(),
            pool.idle() + pool.outstandingPrincipal() - pool.totalProvisions(),
            "totalAssets != idle + outstanding - provisions"
        );
        assertEq(
            pool.outstandingPrincipal(),
            pool.outstandingOf(assetA) + pool.outstandingOf(assetB),
            "outstanding != sum of assets"
        );
        assertEq(
            pool.outstandingPrincipal(),
            handler.ghostDeployed() - handler.ghostRepaid() - handler.ghostWrittenDown(),
            "outstanding != deployed - repaid - written down"
        );
        assertEq(
            pool.idle(),
            handler.ghostDeposited() + handler.ghostRepaid() + handler.ghostRecovered() - handler.ghostDeployed()
                - handler.ghostInstantWithdrawn() - handler.ghostFilledAssets(),
            "idle != deposits + repayments + recoveries - deployments - withdrawals - fills"
        );
    }

    /// Provisions: per asset never above what is outstanding, and they add up to totalProvisions; recoveries never
    /// exceed what was written off.
    function invariant_provisions() public view {
        uint256[2] memory ids = [assetA, assetB];
        uint256 sum;
        for (uint256 i = 0; i < 2; i++) {
            (uint128 deployed, uint128 repaid, uint128 writtenDown, uint128 recovered, uint128 provision,) =
                pool.assetCapital(ids[i]);
            assertEq(pool.outstandingOf(ids[i]), uint256(deployed) - repaid - writtenDown, "outstandingOf");
            assertLe(provision, pool.outstandingOf(ids[i]), "provision > outstanding of the asset");
            assertLe(recovered, writtenDown, "recovered > written down");
            sum += provision;
        }
        assertEq(pool.totalProvisions(), sum, "totalProvisions != sum of asset provisions");
        assertLe(pool.totalProvisions(), pool.outstandingPrincipal(), "totalProvisions > outstandingPrincipal");
    }

    function invariant_exitLimits() public view {
        address[] memory as_ = handler.actors();
        bool waiting = pool.pendingRedeemShares() > 0;
        for (uint256 i = 0; i < as_.length; i++) {
            address a = as_[i];
            (uint128 claimableShares, uint128 claimableAssets) = pool.claimableRedemption(a);
            if (claimableShares > 0) {
                // An ERC-7540 claim: exactly what was filled for the controller.
                assertEq(pool.maxWithdraw(a), claimableAssets, "maxWithdraw != claimable assets");
                assertEq(pool.maxRedeem(a), claimableShares, "maxRedeem != claimable shares");
                continue;
            }
            assertLe(pool.maxWithdraw(a), pool.idle(), "maxWithdraw > idle");
            assertLe(pool.maxRedeem(a), pool.unlockedShares(a), "maxRedeem > unlocked shares");
            assertLe(pool.previewRedeem(pool.maxRedeem(a)), pool.idle(), "maxRedeem worth more than idle");
            if (waiting || pool.paused()) {
                assertEq(pool.maxWithdraw(a), 0, "instant exit while the queue waits or the pool is paused");
                assertEq(pool.maxRedeem(a), 0, "instant exit while the queue waits or the pool is paused");
            }
        }
    }

    /// Revenue, donations, claims, fills, exits, recoveries and the manager's write-off of a provisioned loss never
    /// lower the share price; only an impairment (a provision) or the admin's write-down beyond it does.
    function invariant_sharePriceFallsOnlyOnWriteDown() public view {
        assertFalse(
            handler.priceFellWithoutWriteDown(), string.concat("share price fell during ", handler.priceFellDuring())
        );
    }

    /// ERC-4626 previews are honest: deposit/mint/withdraw/redeem return what the preview promised.
    function invariant_previewsMatchExecution() public view {
        assertFalse(
            handler.previewMismatch(), string.concat("preview mismatch during ", handler.previewMismatchDuring())
        );
    }

    // ─── Replays of counterexamples the fuzzer found (deterministic, independent of the seed) ────────────

    /// Shrunk sequence that broke `invariant_fillsPayForTheSharesTheyBurn`: after a loss the price is no longer a
    /// whole number of share units per USDC unit, so a partial fill leaves 1 USDC unit of idle; a later
    /// fillRedemptions then burned ~1e12 shares of the head request for 0 USDC, again on every call. The fill
    /// must stop instead.
    function test_replay_partialFillNeverBurnsSharesForZeroAssets() public {
        handler.deposit(0, 0, 99_999_990); // actor0 deposits 99.99999 USDC
        handler.deployCapital(0, 88_632_213 << 2); // 88.632213 USDC to asset A
        handler.markImpairment(0, 4_259_804 << 2); // 4.259804 USDC provisioned
        uint256 shares = pool.balanceOf(handler.actors()[0]) * 3 / 4;
        handler.requestRedeem(0, shares << 2, 0); // actor0 for itself
        handler.fillRedemptions(0, 1); // partly filled; idle left: 1 unit
        assertEq(pool.idle(), 1, "partial fill leaves one unit of idle");
        PoolStorage.Request memory before = pool.redeemRequest(1);
        (uint128 sharesBefore, uint128 assetsBefore) = pool.claimableRedemption(handler.actors()[0]);
        assertGt(before.filledShares, 0);
        for (uint256 i = 0; i < 3; i++) {
            handler.fillRedemptions(i + 1, 1); // anyone, repeatedly
        }
        PoolStorage.Request memory afterFills = pool.redeemRequest(1);
        (uint128 sharesAfter, uint128 assetsAfter) = pool.claimableRedemption(handler.actors()[0]);
        assertEq(assetsAfter, assetsBefore, "nothing more to pay");
        assertEq(afterFills.pendingShares, before.pendingShares, "shares burned for 0 USDC");
        assertEq(sharesAfter, sharesBefore, "claimable shares grew without assets");
        assertFalse(handler.zeroAssetPartialFill());
        assertFalse(handler.unexpectedRevert());
    }

    /// Walks the handler once through every path the fuzzer reaches only now and then: a request by an operator
    /// and one by a spender for another controller, a fill, claims by parts, an impairment written off by the
    /// manager, a recovery, a provision the admin lowers, the admin's write-down beyond the provision, and a cancel.
    function test_handler_newPathsRunClean() public {
        handler.deposit(0, 0, 500_000e6);
        handler.deposit(1, 1, 300_000e6);
        handler.deployCapital(0, 1); // all of it to asset A
        handler.requestRedeem(0, 100_000e18 << 2, 1); // actor1, operator of actor0, for controller actor0
        handler.requestRedeem(1, 50_000e18 << 2, 2); // actor0, spender of actor1, for itself
        assertEq(pool.redeemRequestCount(), 2);
        assertEq(pool.redeemRequest(1).controller, handler.actors()[0]);
        assertEq(pool.redeemRequest(2).owner, handler.actors()[1]);
        handler.recordRepayment(0, 200_000e6 << 2);
        handler.fillRedemptions(0, 10);
        assertEq(pool.pendingRedeemShares(), 0);
        for (uint256 i = 0; i < 6; i++) {
            handler.claimRedemption(0, i, i * 7_919e12 + i);
        }
        handler.markImpairment(0, 100_000e6 << 2);
        assertEq(pool.totalProvisions(), 100_000e6);
        handler.recordWriteDown(0, 1);
        assertEq(pool.totalProvisions(), 0);
        handler.recordRecovery(0, 1);
        handler.markImpairment(0, 50_000e6 << 2);
        handler.lowerProvision(0, 10_000e6);
        assertEq(pool.totalProvisions(), 10_000e6);
        handler.adminWriteDown(0, 20_000e6 << 2);
        handler.requestRedeem(1, 10_000e18 << 2, 0);
        handler.cancelRedeemRequest(1);

        assertGt(handler.statDelegatedRequests(), 1);
        assertGt(handler.statFills(), 1);
        assertEq(handler.statImpairments(), 2);
        assertEq(handler.statWriteDowns(), 2);
        assertEq(handler.statRecoveries(), 1);
        assertEq(handler.statCancels(), 1);
        assertGt(handler.ghostRedemptionClaimed(), 0);
        assertEq(pool.pendingRedeemShares(), 0);
        invariant_noUnexpectedRevert();
        invariant_queueAccounting();
        invariant_provisions();
        invariant_principalAccounting();
        invariant_usdcCoversIdleReservedAndRevenue();
        invariant_sharePriceFallsOnlyOnWriteDown();
        invariant_exitLimits();
    }

    function invariant_noUnexpectedRevert() public view {
        assertFalse(
            handler.unexpectedRevert(),
            string.concat(
                "in-bounds call reverted: ",
                handler.unexpectedRevertAction(),
                " ",
                vm.toString(handler.unexpectedRevertData())
            )
        );
    }
}
