// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {ExitQueueFixture} from "./utils/ExitQueueFixture.sol";

/// Instant withdraw/redeem up to idle cash, and maxRedeem/maxWithdraw saying the truth about it.
contract FinancingPoolInstantExitsTest is ExitQueueFixture {
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
}
