// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {PoolSecurityFixture} from "./utils/PoolSecurityFixture.sol";
import {ReentrantToken, FeeOnTransferToken} from "./utils/HostileTokens.sol";

/// Attacks on the vault: first-depositor inflation, reentrancy through a token hook, fee-on-transfer tokens,
/// donations.
contract FinancingPoolAttacksTest is PoolSecurityFixture {
    // ─── Inflation attack ───────────────────────────────────────────────────────────────────────────────

    function test_inflationAttack_firstDepositorDonationFails() public {
        // Attacker is first, with the smallest deposit allowed...
        uint256 attackerShares = _deposit(attacker, MIN_DEPOSIT);
        assertEq(attackerShares, 10e18);
        // ...then donates a large amount straight to the pool.
        usdc.mint(attacker, 1_000_000e6);
        vm.prank(attacker);
        usdc.transfer(address(pool), 1_000_000e6);
        assertEq(pool.totalAssets(), MIN_DEPOSIT, "a donation does not count toward totalAssets");

        // The victim deposits and keeps all of its value.
        uint256 victimShares = _deposit(victim, 5_000e6);
        assertEq(victimShares, 5_000e18);
        assertEq(pool.previewRedeem(victimShares), 5_000e6);
        vm.prank(victim);
        uint256 out = pool.redeem(victimShares, victim, victim);
        assertEq(out, 5_000e6);
        assertEq(usdc.balanceOf(victim), 5_000e6);

        // The attacker gets back only its own deposit: the donation is lost to it.
        vm.prank(attacker);
        uint256 attackerOut = pool.redeem(attackerShares, attacker, attacker);
        assertEq(attackerOut, MIN_DEPOSIT);
        assertEq(usdc.balanceOf(attacker), MIN_DEPOSIT);
    }

    function test_inflationAttack_afterShrinkingSupplyToDust_victimKeepsValue() public {
        // Attacker deposits the minimum, then redeems all but one wei of shares, then donates.
        uint256 s = _deposit(attacker, MIN_DEPOSIT);
        vm.prank(attacker);
        pool.redeem(s - 1, attacker, attacker);
        assertEq(pool.totalSupply(), 1);
        usdc.mint(attacker, 1_000_000e6);
        vm.prank(attacker);
        usdc.transfer(address(pool), 1_000_000e6);

        uint256 victimShares = _deposit(victim, 1_000e6);
        assertGt(victimShares, 0);
        // The victim loses at most one wei of USDC to rounding.
        assertApproxEqAbs(pool.previewRedeem(victimShares), 1_000e6, 1);
        assertLe(pool.previewRedeem(1), 1, "the attacker's dust share is worth at most a wei");
    }

    // ─── Reentrancy ─────────────────────────────────────────────────────────────────────────────────────

    function test_reentrantTokenHook_cannotReenter() public {
        ReentrantToken evil = new ReentrantToken();
        (FinancingPool p, uint256 evilAsset) = _poolOver(IERC20(address(evil)));
        evil.mint(alice, 1_000e6);
        evil.mint(address(evil), 1_000e6); // so the token could pay, were it let in
        vm.prank(alice);
        evil.approve(address(p), type(uint256).max);

        // 1. deposit → transferFrom hook → pool.deposit: rejected by the guard, the outer deposit goes through.
        evil.arm(p, ReentrantToken.Attack.Deposit, 100e6, false);
        vm.prank(alice);
        uint256 shares = p.deposit(500e6, alice);
        assertEq(evil.attempts(), 1);
        assertFalse(evil.lastCallSucceeded());
        assertEq(evil.lastRevertData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector));
        assertEq(shares, 500e18);
        assertEq(p.balanceOf(alice), 500e18);
        assertEq(p.balanceOf(address(evil)), 0);
        assertEq(p.totalSupply(), 500e18);
        assertEq(p.idle(), 500e6);
        assertEq(evil.balanceOf(address(p)), 500e6);
        _assertBooks(p);

        // 2. Revenue is distributed; claim → transfer hook → pool.claim: rejected, paid once.
        evil.arm(p, ReentrantToken.Attack.None, 0, false);
        evil.mint(reporter, 100e6);
        vm.startPrank(reporter);
        evil.approve(address(p), type(uint256).max);
        p.distributeRevenue(evilAsset, 100e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.stopPrank();
        vm.warp(block.timestamp + STREAM);
        uint256 owed = p.claimableRevenue(alice);
        assertApproxEqAbs(owed, _net(100e6), 1);

        evil.arm(p, ReentrantToken.Attack.Claim, 0, false);
        vm.prank(alice);
        uint256 claimed = p.claim(alice);
        assertEq(evil.attempts(), 1);
        assertFalse(evil.lastCallSucceeded());
        assertEq(evil.lastRevertData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector));
        assertEq(claimed, owed);
        assertEq(evil.balanceOf(alice), 500e6 + owed);
        assertEq(p.claimableRevenue(alice), 0);
        assertEq(p.totalRevenueClaimed(), owed);
        _assertBooks(p);

        // 3. redeem → transfer hook → pool.redeem, with the revert bubbled: the whole redeem reverts, nothing moves.
        evil.arm(p, ReentrantToken.Attack.Redeem, 1e18, true);
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        p.redeem(100e18, alice, alice);
        assertEq(p.balanceOf(alice), 500e18);
        assertEq(p.idle(), 500e6);
        assertEq(evil.balanceOf(alice), 500e6 + owed);
        _assertBooks(p);
    }

    function test_reentrantTokenHook_claimRedemptionCannotDoubleClaim() public {
        ReentrantToken evil = new ReentrantToken();
        (FinancingPool p,) = _poolOver(IERC20(address(evil)));
        evil.mint(alice, 1_000e6);
        evil.mint(bob, 1_000e6);
        vm.prank(alice);
        evil.approve(address(p), type(uint256).max);
        vm.prank(bob);
        evil.approve(address(p), type(uint256).max);
        vm.prank(alice);
        p.deposit(400e6, alice);
        vm.prank(bob);
        p.deposit(600e6, bob);

        vm.prank(alice);
        p.requestRedeem(400e18, alice, alice);
        p.fillRedemptions(1); // filled from idle
        (, uint128 claimableAssets) = p.claimableRedemption(alice);
        assertEq(claimableAssets, 400e6);

        evil.arm(p, ReentrantToken.Attack.ClaimRedemption, 1, false);
        vm.prank(alice);
        uint256 paid = p.redeem(400e18, alice, alice);
        assertEq(paid, 400e6);
        assertEq(evil.attempts(), 1);
        assertFalse(evil.lastCallSucceeded());
        assertEq(evil.lastRevertData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector));
        assertEq(evil.balanceOf(alice), 1_000e6);
        assertEq(p.reservedForRedemptions(), 0);
        assertEq(evil.balanceOf(address(p)), 600e6);
        _assertBooks(p);
    }

    function test_reentrantTokenHook_everyEntryPointIsGuarded() public {
        ReentrantToken evil = new ReentrantToken();
        (FinancingPool p, uint256 evilAsset) = _poolOver(IERC20(address(evil)));
        evil.mint(alice, 1_000e6);
        vm.prank(alice);
        evil.approve(address(p), type(uint256).max);

        ReentrantToken.Attack[9] memory attacks = [
            ReentrantToken.Attack.Mint,
            ReentrantToken.Attack.Withdraw,
            ReentrantToken.Attack.Redeem,
            ReentrantToken.Attack.RequestRedeem,
            ReentrantToken.Attack.CancelRedeemRequest,
            ReentrantToken.Attack.FillRedemptions,
            ReentrantToken.Attack.ClaimRedemption,
            ReentrantToken.Attack.RecordRecovery,
            ReentrantToken.Attack.DeployCapital
        ];
        for (uint256 i = 0; i < attacks.length; i++) {
            bool assetArg =
                attacks[i] == ReentrantToken.Attack.DeployCapital || attacks[i] == ReentrantToken.Attack.RecordRecovery;
            uint256 arg = assetArg ? evilAsset : 1;
            evil.arm(p, attacks[i], arg, false);
            vm.prank(alice);
            p.deposit(MIN_DEPOSIT, alice);
            assertEq(evil.attempts(), 1);
            assertFalse(evil.lastCallSucceeded());
            assertEq(
                evil.lastRevertData(), abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector)
            );
        }
        assertEq(p.totalSupply(), 9 * 10e18);
        assertEq(p.idle(), 9 * MIN_DEPOSIT);
        _assertBooks(p);
    }

    // ─── Fee-on-transfer token ──────────────────────────────────────────────────────────────────────────

    function test_feeOnTransferToken_isRejected() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        (FinancingPool p, uint256 fotAsset) = _poolOver(IERC20(address(fot)));
        fot.mint(alice, 1_000e6);
        vm.prank(alice);
        fot.approve(address(p), type(uint256).max);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.FeeOnTransferNotSupported.selector, 100e6, 99e6));
        vm.prank(alice);
        p.deposit(100e6, alice);
        assertEq(p.totalSupply(), 0);
        assertEq(p.idle(), 0);
        assertEq(fot.balanceOf(alice), 1_000e6);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.FeeOnTransferNotSupported.selector, 50e6, 49_500_000));
        vm.prank(alice);
        p.mint(50e18, alice);

        // Revenue pulled from the reporter is checked the same way.
        fot.mint(reporter, 100e6);
        vm.startPrank(reporter);
        fot.approve(address(p), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.FeeOnTransferNotSupported.selector, 100e6, 99e6));
        p.distributeRevenue(fotAsset, 100e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.stopPrank();
        assertEq(p.revenueHeld(), 0);
    }

    // ─── Donations ──────────────────────────────────────────────────────────────────────────────────────

    function test_donation_doesNotChangeTotalAssets() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 400e6);
        uint256 ta = pool.totalAssets();
        uint256 price = pool.previewRedeem(1e18);
        uint256 maxW = pool.maxWithdraw(alice);

        usdc.mint(stranger, 5_000e6);
        vm.prank(stranger);
        usdc.transfer(address(pool), 5_000e6);

        assertEq(pool.totalAssets(), ta);
        assertEq(pool.idle(), 600e6);
        assertEq(pool.previewRedeem(1e18), price);
        assertEq(pool.maxWithdraw(alice), maxW);
        assertEq(pool.maxDeposit(bob), CAP - ta);
        assertEq(pool.claimableRevenue(alice), 0, "a donation is not revenue either");
        assertEq(usdc.balanceOf(address(pool)), 600e6 + 5_000e6);
        // The manager cannot deploy the donation either.
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsDeployable.selector, 601e6, 600e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 601e6);
    }
}
